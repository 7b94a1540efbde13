"use server";

import { sealRegistrySearch } from "@/lib/registries/search-token";
import { ZRegistrySearch } from "@/lib/registries/registry.schema";
import { serverAction } from "@/lib/web/action";

/** A registry's search (POST): back to the list with the search sealed — no PIN in the address (issue 15). */
export const searchRegistryAction = serverAction(
  { permission: "fund.registries", schema: ZRegistrySearch, redirect: true },
  async ({ user, input }) =>
    `/${input.locale}/staff/registries/${input.kind}?${new URLSearchParams({ q: sealRegistrySearch(input.text, user.id) })}`,
);
