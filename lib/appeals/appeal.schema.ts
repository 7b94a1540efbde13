import { z } from "zod";

const locale = z.enum(["ru", "ky"]).catch("ru");
const pin = z
  .string()
  .trim()
  .regex(/^[12]\d{13}$/, "appeals.errors.pinFormat");

/** A citizen's appeal about an issuance decision (cl. 36–37), online or registered by a clerk on their behalf. */
export const ZFileAppealInput = z.object({
  locale,
  pin,
  fullName: z.string().trim().min(3, "appeals.errors.nameRequired").max(200, "appeals.errors.tooLong"),
  phone: z
    .string()
    .trim()
    .max(20, "appeals.errors.tooLong")
    .transform((v) => v || null),
  officeCode: z.string().trim().min(1, "appeals.errors.officeRequired").max(20, "appeals.errors.officeRequired"),
  subject: z.string().trim().min(3, "appeals.errors.subjectRequired").max(200, "appeals.errors.tooLong"),
  text: z.string().trim().min(10, "appeals.errors.textRequired").max(4000, "appeals.errors.tooLong"),
});
export type TFileAppealInput = z.output<typeof ZFileAppealInput>;

/** The status check: the appeal's number and the PIN it was filed with — posted, never in a URL. */
export const ZAppealStatusInput = z.object({
  locale,
  number: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^A-\d{4}-\d{6}$/, "appeals.errors.numberFormat")),
  pin,
});

export const ZAnswerAppealInput = z.object({
  locale,
  appealId: z.uuid(),
  answer: z.string().trim().min(5, "appeals.errors.answerRequired").max(4000, "appeals.errors.tooLong"),
});
