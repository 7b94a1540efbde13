"use server";

import { sealJournalSearch } from "@/lib/policies/paper/journal-search";
import { ZJournalWho } from "@/lib/policies/paper/journal.schema";
import { serverAction } from "@/lib/web/action";

/** The journal's search by name or PIN (POST): back to the journal with the search sealed, the other filters kept. */
export const searchJournalAction = serverAction(
  { permission: "office.workspace", schema: ZJournalWho, redirect: true },
  async ({ user, input }) => {
    const params = new URLSearchParams();
    for (const key of ["number", "from", "to", "status"] as const) {
      const value = input[key]?.trim();
      if (value) params.set(key, value);
    }
    params.set("who", sealJournalSearch(input.who, user.id));
    return `/${input.locale}/staff/office/journal?${params}`;
  },
);
