import "server-only";
import { openSearch, sealSearch, type SealedSearch } from "@/lib/secrets";

// The registries' search text (a PIN, a document, a policy or receipt number) is posted, never typed into an address;
// the lists then carry it sealed for the user who searched and for two hours (lib/secrets.ts, sealSearch).
const REGISTRY_SEARCH: SealedSearch = {
  purpose: "registry-search",
  envVar: "REGISTRY_SEARCH_SECRET",
  maxAgeMs: 2 * 60 * 60 * 1000,
};

export function sealRegistrySearch(text: string, userId: string, issuedAt = Date.now()): string {
  return sealSearch(REGISTRY_SEARCH, text, userId, issuedAt);
}

/** The search text, or undefined when the token is missing, altered, expired or another user's. */
export function openRegistrySearch(token: string | undefined, userId: string, now = Date.now()): string | undefined {
  return openSearch(REGISTRY_SEARCH, token, userId, now);
}
