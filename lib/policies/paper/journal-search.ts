import "server-only";
import { openSearch, sealSearch, type SealedSearch } from "@/lib/secrets";

// The journal's search by name or PIN travels in the page's address sealed for the clerk who made it and for two
// hours (lib/secrets.ts, sealSearch): paging and the exports keep the search, and no PIN or name lands in a URL, a
// proxy's log or the browser's history (issue 12; common rules: a PIN is searched by POST).
const JOURNAL_SEARCH: SealedSearch = {
  purpose: "journal-search",
  envVar: "JOURNAL_SEARCH_SECRET",
  maxAgeMs: 2 * 60 * 60 * 1000,
};

export function sealJournalSearch(who: string, userId: string, issuedAt = Date.now()): string {
  return sealSearch(JOURNAL_SEARCH, who, userId, issuedAt);
}

/** The search text, or undefined when the token is missing, altered, expired or another user's. */
export function openJournalSearch(token: string | undefined, userId: string, now = Date.now()): string | undefined {
  return openSearch(JOURNAL_SEARCH, token, userId, now);
}
