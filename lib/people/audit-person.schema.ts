import { z } from "zod";
import { refinePin } from "./pin.schema";

/** The audit viewer's "by person" form: the PIN is posted, never put in the URL (issue 15). */
export const ZAuditPerson = z.object({
  locale: z.enum(["ru", "ky"]).default("ru"),
  pin: z
    .string()
    .trim()
    .min(1, "audit.error.pin")
    .superRefine((pin, ctx) => refinePin(pin, ctx)),
});
