import { z } from "zod";
import { compareDates, isCalendarDate, isHandoverStatus, type CalendarDate, type HandoverStatus } from "@/lib/rules";

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), "print.journal.errors.dateInvalid")
  .transform((v) => v as CalendarDate | undefined);

/**
 * The journal's filters in the page's address (cl. 16): number, dates, status and page may be in a URL; a name or
 * PIN never is (it travels sealed, see journal-search.ts). Messages are translation keys.
 */
export const ZJournalFilter = z
  .object({
    number: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => (v ? v.toUpperCase().replace(/[^A-Z0-9-]/g, "") || undefined : undefined)),
    from: optionalDay,
    to: optionalDay,
    status: z
      .string()
      .optional()
      .transform((v): HandoverStatus | undefined => (isHandoverStatus(v) ? v : undefined)),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    who: z.string().max(400).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && compareDates(v.from, v.to) > 0) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "print.journal.errors.rangeReversed" });
    }
  });

/** The search by name or PIN, sent by POST (a PIN never lands in the URL). */
export const ZJournalWho = z.object({
  locale: z.enum(["ru", "ky"]).default("ru"),
  who: z
    .string()
    .trim()
    .min(1, "print.journal.errors.whoRequired")
    .max(100)
    .refine((v) => /^\d{14}$/.test(v) || (!/\d/.test(v) && v.length >= 2), "print.journal.errors.whoTooShort"),
  number: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  status: z.string().optional(),
});

/** The first value of each search parameter (Next gives string | string[] | undefined). */
export function firstParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
