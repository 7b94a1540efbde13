import { z } from "zod";

export const REGISTRY_KINDS = ["persons", "policies", "payments"] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export function isRegistryKind(s: string): s is RegistryKind {
  return (REGISTRY_KINDS as readonly string[]).includes(s);
}

/** The search form (posted): a PIN, a document number, a policy number or a payment's receipt number. */
export const ZRegistrySearch = z.object({
  locale: z.enum(["ru", "ky"]).default("ru"),
  kind: z.enum(REGISTRY_KINDS),
  text: z
    .string()
    .trim()
    .min(3, "registries.errors.searchTooShort")
    .max(64, "registries.errors.searchTooLong")
    .regex(/^[\p{L}\p{N}\-/ .]+$/u, "registries.errors.searchFormat"),
});

/** What may sit in a registry list's address: the page and the sealed search token; nothing personal. */
export const ZRegistryParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z.string().max(400).optional().catch(undefined),
});
