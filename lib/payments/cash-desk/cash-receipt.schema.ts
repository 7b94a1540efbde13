import { z } from "zod";
import { isCalendarDate } from "@/lib/rules";
import { normalizeKgMobile } from "@/lib/people/phone";
import { refinePin } from "@/lib/people/pin.schema";

import { PAID_CATEGORIES } from "@/lib/payments/channels";

/** A receipt from a bank cash desk, brought to a ТУ with the PIN (cl. 17). Messages are message keys. */
export const ZCashReceiptInput = z.object({
  receiptNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9/-]{2,39}$/, "errors.receiptNumberFormat"),
  pin: z.string().trim().superRefine(refinePin),
  fullName: z.string().trim().min(3, "errors.fullNameRequired").max(200, "errors.tooLong"),
  phone: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const phone = normalizeKgMobile(v);
      if (!phone) ctx.addIssue({ code: "custom", message: "errors.phoneFormat" });
      return phone ?? "";
    }),
  paidOn: z.string().trim().refine(isCalendarDate, "errors.dateInvalid"),
  amountSom: z.coerce
    .number({ error: "errors.amountFormat" })
    .int("errors.amountFormat")
    .positive("errors.amountFormat"),
  category: z.enum(PAID_CATEGORIES, { error: "errors.categoryRequired" }),
  termMonths: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)], { error: "errors.termRequired" })),
});

export type TCashReceiptInput = z.output<typeof ZCashReceiptInput>;
