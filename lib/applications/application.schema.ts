import { z } from "zod";
import { CATEGORIES, isCalendarDate } from "@/lib/rules";

/**
 * A walk-in application (cl. 10–15): the person, the category and term, the ticked cl. 10 checklist, the day they
 * came, and the payment brought — one of the person's payments listed on the form (`paymentId`), or another found by
 * its receipt number (`receiptNumber`, which wins when both are given). Messages are message keys.
 */
export const ZApplicationInput = z.object({
  locale: z.enum(["ru", "ky"]).default("ru"),
  personId: z.uuid({ error: "errors.invalidInput" }),
  category: z.enum(CATEGORIES, { error: "errors.categoryRequired" }),
  termMonths: z.coerce.number({ error: "desk.errors.termRequired" }).int().min(1).max(12),
  receivedOn: z.string().trim().refine(isCalendarDate, "errors.dateInvalid"),
  paymentId: z
    .string()
    .optional()
    .transform((v) => (v && v !== "none" ? v : undefined))
    .pipe(z.uuid({ error: "errors.invalidInput" }).optional()),
  receiptNumber: z
    .string()
    .trim()
    .max(64, "errors.tooLong")
    .optional()
    .transform((v) => v || undefined),
  /** the ticked checklist: one checkbox arrives as a string, several as a list */
  documents: z
    .union([z.string().max(60), z.array(z.string().max(60)).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export type TApplicationInput = z.output<typeof ZApplicationInput>;

/** The desk's search form: a PIN, a document number or the start of a name (POSTed: never in a URL). */
export const ZPersonSearchInput = z.object({
  q: z.string().trim().min(2, "desk.errors.searchTooShort").max(100, "errors.tooLong"),
});

/** cl. 15: the paper policy of this application is made. */
export const ZPolicyMadeInput = z.object({ applicationId: z.uuid({ error: "errors.invalidInput" }) });
