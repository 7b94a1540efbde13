import { z } from "zod";
import {
  CATEGORIES,
  DOCUMENT_TYPES,
  isCalendarDate,
  isCountryCode,
  isDocumentNumber,
  parsePin,
  personFieldsFor,
} from "@/lib/rules";

const requiredName = z.string().trim().min(1, "errors.fullNameRequired").max(60, "errors.tooLong");
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .optional()
    .transform((v) => v || undefined);

/** Categories a clerk registers a person in: PREGNANT is a family doctor's registration of a base category. */
export const PERSON_RECORD_CATEGORIES = CATEGORIES.filter((c) => c !== "PREGNANT");

/**
 * A clerk registers a person, or completes the record of one (issue 12): the fields the category needs
 * (personFieldsFor). `personId` names the record being completed; without it a new person is registered — or, when
 * the PIN or the document is known already, that record is completed instead (never a second one).
 */
export const ZPersonRecordInput = z
  .object({
    locale: z.enum(["ru", "ky"]).default("ru"),
    personId: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    category: z.enum(PERSON_RECORD_CATEGORIES as [string, ...string[]], { error: "errors.categoryRequired" }),
    lastName: requiredName,
    firstName: requiredName,
    patronymic: optional(60),
    pin: optional(20),
    documentType: z
      .enum(DOCUMENT_TYPES)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    documentNumber: optional(30).transform((v) => v?.toUpperCase()),
    birthDate: optional(10),
    sex: z
      .enum(["FEMALE", "MALE"])
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** an ISO 3166-1 alpha-2 code, or "stateless" */
    citizenship: optional(9).transform((v) => v?.toUpperCase()),
    phone: optional(20),
    /** where e-mail reminders go (issue 16); stored lower-case */
    email: optional(100).transform((v) => v?.toLowerCase()),
  })
  .superRefine((v, ctx) => {
    const fields = personFieldsFor(v.category as (typeof PERSON_RECORD_CATEGORIES)[number]);
    if (v.pin) {
      const parsed = parsePin(v.pin);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["pin"], message: `rules.pinError.${parsed.reason}` });
    } else if (fields.pinRequired) {
      ctx.addIssue({ code: "custom", path: ["pin"], message: "desk.errors.pinRequired" });
    }
    if (v.documentType && !fields.documentTypes.includes(v.documentType)) {
      ctx.addIssue({ code: "custom", path: ["documentType"], message: "desk.errors.documentTypeNotForCategory" });
    }
    if (v.email && !z.email().safeParse(v.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "desk.errors.emailFormat" });
    }
    if (v.documentNumber && !isDocumentNumber(v.documentNumber)) {
      ctx.addIssue({ code: "custom", path: ["documentNumber"], message: "errors.documentNumberFormat" });
    }
    if (Boolean(v.documentType) !== Boolean(v.documentNumber)) {
      ctx.addIssue({
        code: "custom",
        path: [v.documentType ? "documentNumber" : "documentType"],
        message: "desk.errors.documentIncomplete",
      });
    }
    if (!v.pin) {
      if (!v.documentNumber)
        ctx.addIssue({ code: "custom", path: ["documentNumber"], message: "desk.errors.pinOrDocument" });
      if (!v.birthDate || !isCalendarDate(v.birthDate))
        ctx.addIssue({ code: "custom", path: ["birthDate"], message: "errors.dateInvalid" });
      if (!v.sex) ctx.addIssue({ code: "custom", path: ["sex"], message: "desk.errors.sexRequired" });
    } else if (v.birthDate && !isCalendarDate(v.birthDate)) {
      ctx.addIssue({ code: "custom", path: ["birthDate"], message: "errors.dateInvalid" });
    }
    if (v.citizenship && v.citizenship !== "STATELESS" && !isCountryCode(v.citizenship)) {
      ctx.addIssue({ code: "custom", path: ["citizenship"], message: "desk.errors.citizenshipFormat" });
    }
  });

export type TPersonRecordInput = z.output<typeof ZPersonRecordInput>;
