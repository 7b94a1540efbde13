import { z } from "zod";
import { DOCUMENT_TYPES, isCalendarDate, isDocumentNumber, normalizeDocumentNumber } from "@/lib/rules";

/** Identity documents a representative may show (cl. 10, 16): any real type, not a terminal's placeholder. */
export const REPRESENTATIVE_DOCUMENT_TYPES = DOCUMENT_TYPES.filter((t) => t !== "FOREIGN_DOCUMENT_TO_COMPLETE");

/**
 * The hand-over form (cl. 16): the day, who took the policy — the holder, or a representative with their document
 * type and number. Messages are translation keys.
 */
export const ZRecordHandoverInput = z
  .object({
    locale: z.enum(["ru", "ky"]).default("ru"),
    policyId: z.string().uuid("errors.notFound"),
    handedOn: z
      .string()
      .trim()
      .refine((v) => isCalendarDate(v), "print.handover.errors.dateInvalid"),
    recipient: z.enum(["HOLDER", "REPRESENTATIVE"], { error: "print.handover.errors.recipientRequired" }),
    recipientName: z
      .string()
      .trim()
      .min(1, "print.handover.errors.nameRequired")
      .max(150, "print.handover.errors.nameTooLong")
      .transform((v) => v.replace(/\s+/g, " ")),
    documentType: z.string().optional(),
    documentNumber: z.string().trim().optional(),
  })
  .transform((v, ctx) => {
    if (v.recipient !== "REPRESENTATIVE") return { ...v, documentType: null, documentNumber: null };
    const type = REPRESENTATIVE_DOCUMENT_TYPES.find((t) => t === v.documentType);
    if (!type)
      ctx.addIssue({ code: "custom", path: ["documentType"], message: "print.handover.errors.documentTypeRequired" });
    const number = v.documentNumber ?? "";
    if (!number) {
      ctx.addIssue({
        code: "custom",
        path: ["documentNumber"],
        message: "print.handover.errors.documentNumberRequired",
      });
    } else if (!isDocumentNumber(number)) {
      ctx.addIssue({
        code: "custom",
        path: ["documentNumber"],
        message: "print.handover.errors.documentNumberInvalid",
      });
    }
    if (!type || !number || !isDocumentNumber(number)) return z.NEVER;
    return { ...v, documentType: type, documentNumber: normalizeDocumentNumber(number) };
  });

export type TRecordHandoverInput = z.output<typeof ZRecordHandoverInput>;
