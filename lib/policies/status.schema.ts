import { z } from "zod";
import { isCalendarDate, isDocumentNumber, normalizeDocumentNumber } from "@/lib/rules";
import { refinePin } from "@/lib/people/pin.schema";

const ZOn = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isCalendarDate(v), "errors.dateInvalid");

/**
 * Input of the public status check (page and GET /api/v1/status). Messages are translation keys.
 * A PIN must be 14 digits with a real date of birth (SPEC §8); the date is a calendar day YYYY-MM-DD.
 */
export const ZStatusQuery = z.object({
  pin: z.string({ error: "errors.pinRequired" }).trim().min(1, "errors.pinRequired").superRefine(refinePin),
  on: ZOn,
});

/**
 * The document form for foreigners without a PIN (SPEC §8, issue 9): `document` is the identity document's number
 * (README, interpretation I25: the number alone, like the PIN alone — the date of birth is not asked).
 */
export const ZStatusDocumentQuery = z.object({
  document: z
    .string({ error: "status.errors.documentRequired" })
    .trim()
    .min(1, "status.errors.documentRequired")
    .refine(isDocumentNumber, "status.errors.documentInvalid")
    .transform(normalizeDocumentNumber),
  on: ZOn,
});
