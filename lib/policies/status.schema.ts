import { z } from "zod";
import { isCalendarDate } from "@/lib/rules";
import { refinePin } from "@/lib/people/pin.schema";

/**
 * Input of the public status check (page and GET /api/v1/status). Messages are keys in the "errors" namespace.
 * A PIN must be 14 digits with a real date of birth (SPEC §8); the date is a calendar day YYYY-MM-DD.
 */
export const ZStatusQuery = z.object({
  pin: z.string({ error: "errors.pinRequired" }).trim().min(1, "errors.pinRequired").superRefine(refinePin),
  on: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isCalendarDate(v), "errors.dateInvalid"),
});
