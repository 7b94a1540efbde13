import "server-only";
import { openJournalSearch } from "./journal-search";
import { ZJournalFilter } from "./journal.schema";
import type { JournalQuery } from "./queries";

export type JournalParams = {
  query: JournalQuery;
  page: number;
  /** the filters that may sit in the address, as given (for links, paging and the exports) */
  kept: Record<string, string>;
  /** the sealed name/PIN search, when it opened for this user */
  whoToken?: string;
  /** translation keys of invalid filters (the journal is then shown unfiltered) */
  errors: string[];
};

/** The journal's address parameters for one clerk: the page and the exports read them the same way. */
export function readJournalParams(raw: Record<string, string>, userId: string): JournalParams {
  const parsed = ZJournalFilter.safeParse(raw);
  if (!parsed.success) {
    return { query: {}, page: 1, kept: {}, errors: [...new Set(parsed.error.issues.map((i) => i.message))] };
  }
  const { page, who, ...filters } = parsed.data;
  const whoText = openJournalSearch(who, userId);
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v) kept[k] = v;
  return { query: { ...filters, who: whoText }, page, kept, whoToken: whoText ? who : undefined, errors: [] };
}
