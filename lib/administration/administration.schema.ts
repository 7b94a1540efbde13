import { z } from "zod";
import { CALENDAR_DAY_KINDS, isCalendarDate, PAID_CATEGORIES } from "@/lib/rules";

// The admin's forms for the data that drives the rules (issue 15). Messages are translation keys.

const ZDate = z.string().trim().refine(isCalendarDate, "errors.dateInvalid");
const ZName = z.string().trim().min(2, "administration.errors.nameRequired").max(200, "errors.tooLong");
const ZLegalBasis = z.string().trim().min(3, "administration.errors.legalBasisRequired").max(500, "errors.tooLong");
const ZCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_]{2,30}$/, "administration.errors.codeFormat");

/** A new tariff row (cost 1.1–1.3): a paid category, a term, a whole price in som, its first day and legal basis. */
export const ZAddTariffInput = z.object({
  category: z.enum(PAID_CATEGORIES, { error: "errors.categoryRequired" }),
  termMonths: z.coerce
    .number({ error: "administration.errors.termFormat" })
    .int("administration.errors.termFormat")
    .min(1, "administration.errors.termFormat")
    .max(24, "administration.errors.termFormat"),
  priceSom: z.coerce
    .number({ error: "errors.amountFormat" })
    .int("errors.amountFormat")
    .min(1, "errors.amountFormat")
    .max(10_000_000, "errors.amountFormat"),
  effectiveFrom: ZDate,
  legalBasisRu: ZLegalBasis,
  legalBasisKy: ZLegalBasis,
});
export type TAddTariffInput = z.input<typeof ZAddTariffInput>;

/** A state with an education agreement (cl. 4 note, cl. 7): ISO 3166-1 alpha-2 code, names, first day, basis. */
export const ZAddEducationStateInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "administration.errors.countryCodeFormat"),
  nameRu: ZName,
  nameKy: ZName,
  effectiveFrom: ZDate,
  legalBasisRu: ZLegalBasis,
  legalBasisKy: ZLegalBasis,
});
export type TAddEducationStateInput = z.input<typeof ZAddEducationStateInput>;

/** Ends a state's agreement: its last day in force. */
export const ZEndEducationStateInput = z.object({
  stateCode: z.string().trim().toUpperCase().length(2, "errors.notFound"),
  effectiveTo: ZDate,
});
export type TEndEducationStateInput = z.input<typeof ZEndEducationStateInput>;

const ZPhone = z
  .string()
  .trim()
  .max(40, "errors.tooLong")
  .refine((v) => v === "" || /^[0-9 +()-]{5,40}$/.test(v), "administration.errors.phoneFormat")
  .optional();

/** A territorial office: its code (kept for good: accounts and records name it), names, addresses, phone. */
export const ZOfficeInput = z.object({
  code: ZCode,
  nameRu: ZName,
  nameKy: ZName,
  addressRu: z.string().trim().min(3, "administration.errors.addressRequired").max(300, "errors.tooLong"),
  addressKy: z.string().trim().min(3, "administration.errors.addressRequired").max(300, "errors.tooLong"),
  phone: ZPhone,
});
export type TOfficeInput = z.input<typeof ZOfficeInput>;

/** A health organization belongs to a territorial office. */
export const ZHealthOrganizationInput = z.object({
  code: ZCode,
  nameRu: ZName,
  nameKy: ZName,
  officeCode: z.string().trim().min(1, "errors.officeRequired"),
});
export type THealthOrganizationInput = z.input<typeof ZHealthOrganizationInput>;

/** An exception to "Monday–Friday work" on the Fund's calendar (cl. 13, 15). */
export const ZCalendarDayInput = z.object({
  date: ZDate,
  kind: z.enum(CALENDAR_DAY_KINDS, { error: "administration.errors.dayKindRequired" }),
  nameRu: ZName,
  nameKy: ZName,
});
export type TCalendarDayInput = z.input<typeof ZCalendarDayInput>;

export const ZRemoveCalendarDayInput = z.object({ date: ZDate });
