import { z } from "zod";
import { isCalendarDate, isDocumentNumber, parsePin, PREGNANCY_BASE_CATEGORIES } from "@/lib/rules";

const requiredName = z.string().trim().min(1, "errors.fullNameRequired").max(60, "errors.tooLong");
const optionalName = z.string().trim().max(60, "errors.tooLong").optional();

/**
 * The family doctor's form (cl. 24–27). A woman is identified by her PIN, or — a foreign citizen married to a citizen
 * without one yet — by her passport number and date of birth. Messages are message keys.
 */
export const ZPregnancyRegistrationInput = z
  .object({
    locale: z.enum(["ru", "ky"]).default("ru"),
    idKind: z.enum(["PIN", "DOCUMENT"], { error: "errors.invalidInput" }),
    pin: z.string().trim().optional(),
    documentNumber: z.string().trim().toUpperCase().optional(),
    birthDate: z.string().trim().optional(),
    lastName: requiredName,
    firstName: requiredName,
    patronymic: optionalName,
    baseCategory: z.enum(PREGNANCY_BASE_CATEGORIES, { error: "errors.categoryRequired" }),
    /** a foreign woman: "citizen" of another state or "stateless" (cl. 24 names citizens only) */
    citizenship: z.enum(["citizen", "stateless"]).optional(),
    marriedToCitizen: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    registeredOn: z.string().trim().refine(isCalendarDate, "errors.dateInvalid"),
    cardNumber: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}/-]{1,30}$/u, "errors.cardNumberFormat"),
    /** the ticked checklist: one checkbox arrives as a string, several as a list */
    documents: z
      .union([z.string().max(60), z.array(z.string().max(60)).max(20)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .superRefine((v, ctx) => {
    if (v.idKind === "PIN") {
      const parsed = parsePin(v.pin ?? "");
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["pin"], message: `rules.pinError.${parsed.reason}` });
    } else {
      if (!v.documentNumber || !isDocumentNumber(v.documentNumber)) {
        ctx.addIssue({ code: "custom", path: ["documentNumber"], message: "errors.documentNumberFormat" });
      }
      if (!v.birthDate || !isCalendarDate(v.birthDate)) {
        ctx.addIssue({ code: "custom", path: ["birthDate"], message: "errors.dateInvalid" });
      }
    }
  });

export type TPregnancyRegistrationInput = z.output<typeof ZPregnancyRegistrationInput>;

/** The doctor's search box: a PIN, a document or card number, or the start of a surname (posted, never in a URL). */
export const ZPregnancySearchInput = z.object({
  q: z.string().trim().min(1, "errors.searchRequired").max(60, "errors.tooLong"),
});

/** The registration whose follow-on free policy the doctor issues (interpretation I32). */
export const ZFollowOnInput = z.object({
  locale: z.enum(["ru", "ky"]).default("ru"),
  registrationId: z.string().uuid("errors.invalidInput"),
});
