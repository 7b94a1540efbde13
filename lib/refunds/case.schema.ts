import { z } from "zod";
import { CLAIMANT_RELATIONS, PAID_CATEGORIES, REFUND_DOCUMENT_CODES, REFUND_GROUNDS } from "@/lib/rules";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** the page's language, for the redirect after the action */
const locale = z.enum(["ru", "ky"]).catch("ru");
const day = (message: string) => z.string().trim().regex(DAY, message);
const optionalDay = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || DAY.test(v), message)
    .transform((v) => (v === "" ? null : v));

/** A ТУ clerk opens a case from the policy number on the receipt (cl. 33: the receipt comes with the claim). */
export const ZOpenRefundCaseInput = z.object({
  locale,
  policyNumber: z
    .string()
    .trim()
    .min(1, "refunds.errors.policyNumberRequired")
    .max(40, "refunds.errors.policyNumberRequired")
    .transform((v) => v.toUpperCase()),
});

/** The claim as the ТУ records it (cl. 32–33): ground, claimant, the facts, the bank details. */
export const ZRefundCaseDetailsInput = z.object({
  locale,
  caseId: z.uuid(),
  ground: z.enum(REFUND_GROUNDS, "refunds.errors.groundRequired"),
  claimantRelation: z.enum(CLAIMANT_RELATIONS, "refunds.errors.claimantRequired"),
  claimantName: z.string().trim().min(3, "refunds.errors.claimantNameRequired").max(200, "refunds.errors.tooLong"),
  claimantDocument: z
    .string()
    .trim()
    .min(3, "refunds.errors.claimantDocumentRequired")
    .max(60, "refunds.errors.tooLong"),
  claimDate: day("refunds.errors.claimDateRequired"),
  deathDate: optionalDay("refunds.errors.dateFormat"),
  otherCoverage: z.string().trim().max(500, "refunds.errors.tooLong"),
  bankName: z.string().trim().min(2, "refunds.errors.bankNameRequired").max(200, "refunds.errors.tooLong"),
  // a Kyrgyz settlement account is 16 digits; foreign banks differ, so letters and up to 34 characters (IBAN)
  bankAccount: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{8,34}$/, "refunds.errors.bankAccountFormat")),
});
export type TRefundCaseDetailsInput = z.output<typeof ZRefundCaseDetailsInput>;

export const ZRefundDocumentInput = z.object({
  locale,
  caseId: z.uuid(),
  code: z.enum(REFUND_DOCUMENT_CODES, "refunds.errors.documentCodeRequired"),
  file: z.instanceof(File, { message: "refunds.errors.fileRequired" }),
});

export const ZRefundCaseIdInput = z.object({ locale, caseId: z.uuid() });

export const ZRefundDecisionInput = z
  .object({
    locale,
    caseId: z.uuid(),
    decision: z.enum(["APPROVE", "REJECT"], "refunds.errors.decisionRequired"),
    note: z.string().trim().max(1000, "refunds.errors.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECT" && v.note.length < 3) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "refunds.errors.rejectReasonRequired" });
    }
  });

export const ZRefundTransferInput = z.object({
  locale,
  caseId: z.uuid(),
  treasuryRef: z.string().trim().min(3, "refunds.errors.treasuryRefRequired").max(60, "refunds.errors.tooLong"),
  treasuryDate: day("refunds.errors.treasuryDateRequired"),
});

export const REFUND_QUEUE_AGES = ["0-7", "8-30", "31+"] as const;

/** The Fund's queue filter, from the query string (no personal data in it). */
export const ZRefundQueueFilter = z.object({
  state: z.enum(["DRAFT", "SENT", "APPROVED", "REJECTED", "PAID"]).optional().catch(undefined),
  ground: z
    .enum(["DEATH", "ALREADY_INSURED", "REFUSED_BY_RULES", "LATE_CONFIRMATION", "DUPLICATE_PAYMENT"])
    .optional()
    .catch(undefined),
  /** an office code, or "none" for the cases the system opened */
  office: z.string().trim().max(20).optional().catch(undefined),
  age: z.enum(REFUND_QUEUE_AGES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});
export type TRefundQueueFilter = z.output<typeof ZRefundQueueFilter>;

const PIN = /^[12]\d{13}$/;

/** Re-issue instead of a refund (cl. 34): the policy, the payer who asks, and the new, uninsured holder. */
export const ZReissueInput = z.object({
  locale,
  policyNumber: z
    .string()
    .trim()
    .min(1, "refunds.errors.policyNumberRequired")
    .max(40, "refunds.errors.policyNumberRequired")
    .transform((v) => v.toUpperCase()),
  claimantRelation: z.enum(CLAIMANT_RELATIONS, "refunds.errors.claimantRequired"),
  payerName: z.string().trim().min(3, "refunds.errors.claimantNameRequired").max(200, "refunds.errors.tooLong"),
  newPin: z.string().trim().regex(PIN, "refunds.errors.pinFormat"),
  newLastName: z.string().trim().min(1, "refunds.errors.nameRequired").max(100, "refunds.errors.tooLong"),
  newFirstName: z.string().trim().min(1, "refunds.errors.nameRequired").max(100, "refunds.errors.tooLong"),
  newPatronymic: z.string().trim().max(100, "refunds.errors.tooLong"),
  newCategory: z.enum(PAID_CATEGORIES, "refunds.errors.categoryRequired"),
});
export type TReissueInput = z.output<typeof ZReissueInput>;
