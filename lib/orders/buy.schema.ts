import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import {
  CATEGORIES,
  canIdentifyByDocumentNumber,
  identityDocumentTypes,
  isCalendarDate,
  isDocumentNumber,
  normalizeDocumentNumber,
  SEXES,
  type DocumentType,
} from "@/lib/rules";
import { normalizeKgMobile } from "@/lib/people/phone";
import { refinePin } from "@/lib/people/pin.schema";

// One schema per page of the purchase journey (STYLE §8: one question per page). Messages are translation keys.
// Imported by the server actions; the pages render the same field names.

/** Documents a person without a PIN can be identified by: those of the categories the rules let do so (appendix 4–5). */
export const BUY_DOCUMENT_TYPES: readonly DocumentType[] = [
  ...new Set(CATEGORIES.filter(canIdentifyByDocumentNumber).flatMap((c) => identityDocumentTypes(c))),
];

const common = {
  locale: z.enum(routing.locales).catch(routing.defaultLocale),
};

export const ZIdentifyStep = z.object({
  ...common,
  idKind: z.enum(["PIN", "DOCUMENT"], { error: "buy.errors.idKindRequired" }),
});

export const ZPinStep = z.object({
  ...common,
  pin: z
    .string({ error: "buy.errors.pinRequired" })
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().min(1, "buy.errors.pinRequired"))
    .superRefine(refinePin),
});

export const ZDocumentStep = z.object({
  ...common,
  documentType: z
    .string({ error: "buy.errors.documentTypeRequired" })
    .refine(
      (v): v is DocumentType => (BUY_DOCUMENT_TYPES as readonly string[]).includes(v),
      "buy.errors.documentTypeRequired",
    ),
  documentNumber: z
    .string({ error: "buy.errors.documentNumberRequired" })
    .trim()
    .min(1, "buy.errors.documentNumberRequired")
    .refine(isDocumentNumber, "rules.documentNumberError.FORMAT")
    .transform(normalizeDocumentNumber),
  birthDate: z
    .string({ error: "buy.errors.birthDateRequired" })
    .trim()
    .min(1, "buy.errors.birthDateRequired")
    .refine((v) => isCalendarDate(v) && v >= "1900-01-01", "buy.errors.birthDateInvalid"),
  sex: z.enum(SEXES, { error: "buy.errors.sexRequired" }),
});

const NAME = /^\p{L}[\p{L}\p{M}' ’.-]*$/u;
const name = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .transform((v) => v.replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, { error: required, abort: true })
        .max(60, "errors.tooLong")
        .regex(NAME, "buy.errors.nameLetters"),
    );

export const ZNameStep = z.object({
  ...common,
  lastName: name("buy.errors.lastNameRequired"),
  firstName: name("buy.errors.firstNameRequired"),
  patronymic: z
    .string()
    .optional()
    .transform((v) => v?.trim().replace(/\s+/g, " ") ?? "")
    .pipe(z.union([z.literal(""), z.string().max(60, "errors.tooLong").regex(NAME, "buy.errors.nameLetters")])),
});

export const ZPhoneStep = z.object({
  ...common,
  phone: z
    .string({ error: "buy.errors.phoneRequired" })
    .trim()
    .min(1, "buy.errors.phoneRequired")
    .transform((v, ctx) => {
      const phone = normalizeKgMobile(v);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "buy.errors.phoneFormat" });
        return z.NEVER;
      }
      return phone;
    }),
});

export const ZCategoryStep = z.object({
  ...common,
  category: z.enum(CATEGORIES, { error: "buy.errors.categoryRequired" }),
});

/** A term in months; a foreign student may choose "12h": the same 12 months paid in two halves (cl. 4 note). */
export const ZTermStep = z.object({
  ...common,
  termMonths: z
    .string({ error: "buy.errors.termRequired" })
    .regex(/^\d{1,2}h?$/, "buy.errors.termRequired")
    .transform((v) => ({ months: Number(v.replace("h", "")), halves: v.endsWith("h") })),
});

export const ZConfirmStep = z.object({ ...common });

/** The order's secret in its URL: 32 random bytes, base64url. */
export const ORDER_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const ZOrderSecret = z.object({ ...common, secret: z.string().regex(ORDER_SECRET_PATTERN) });
