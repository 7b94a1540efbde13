// Contracts of a territorial office with a legal entity buying policies for a list of persons (cl. 29–31; SPEC §5).
// What a row of the list must say, who on it may get a policy, and which legal entities' identifiers are well formed.

import {
  identityDocumentTypes,
  isCategory,
  isDocumentType,
  type Category,
  type DocumentType,
  type Sex,
} from "./categories";
import { insuredStatusOn, type CoverageInput } from "./coverage";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { checkPurchaseEligibility } from "./eligibility";
import { isDocumentNumber, normalizeDocumentNumber, parsePin } from "./pin";
import { planPurchase, type PurchasePlan } from "./plan-purchase";
import type { Refusal } from "./refusals";
import type { TariffRow } from "./tariffs";

/**
 * cl. 29 (interpretation I36): the categories a legal entity may list — people it employs or hosts who pay the full
 * tariff with a PIN. Students (two instalments, agreement states) buy their own; free categories are not bought.
 */
export const CONTRACT_CATEGORIES = [
  "CITIZEN",
  "EAEU_FAMILY",
  "REFUGEE",
  "ASYLUM_SEEKER",
  "KAIRYLMAN",
  "FOREIGNER",
  "COMPATRIOT",
] as const satisfies readonly Category[];
export type ContractCategory = (typeof CONTRACT_CATEGORIES)[number];

/** cl. 4.1: a contract's policies run 12 months unless the row asks for another term on sale for its category. */
export const CONTRACT_DEFAULT_TERM_MONTHS = 12;

/** A name part is at most this long (a longer one is a shifted column, not a name). */
const MAX_NAME_LENGTH = 100;

/**
 * Why a row of a contract's list is not accepted, in the order they are checked; the human text is
 * `contracts.reason.<CODE>` (lib/i18n/messages/{ru,ky}/contracts.json). One row gets the first reason that applies.
 */
export const CONTRACT_ROW_REASONS = [
  "MISSING_NAME",
  "PIN_MALFORMED",
  "PIN_IMPOSSIBLE_DATE",
  "CATEGORY_NOT_ALLOWED",
  "DOCUMENT_TYPE_NOT_ALLOWED",
  "DOCUMENT_NUMBER_MALFORMED",
  "TERM_NOT_ALLOWED",
  "DUPLICATE_IN_FILE",
  "DOCUMENT_OF_OTHER_PERSON",
  "ALREADY_IN_CONTRACT",
  "IN_OTHER_CONTRACT",
  "UNDER_16",
  "EAEU_CHILD_FREE",
  "ALREADY_INSURED",
  "NO_TARIFF",
] as const;
export type ContractRowReason = (typeof CONTRACT_ROW_REASONS)[number];

/** A row as the file gives it: text, trimmed or not, possibly empty. */
export type RawContractRow = {
  lastName: string;
  firstName: string;
  patronymic: string;
  pin: string;
  documentType: string;
  documentNumber: string;
  category: string;
  termMonths: string;
};

export type ContractRow = {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  pin: string;
  birthDate: CalendarDate;
  sex: Sex;
  documentType: DocumentType;
  documentNumber: string;
  category: ContractCategory;
  termMonths: number;
};

export type ReadContractRow = { ok: true; row: ContractRow } | { ok: false; reason: ContractRowReason };

function isContractCategory(c: string): c is ContractCategory {
  return (CONTRACT_CATEGORIES as readonly string[]).includes(c);
}

/**
 * cl. 29; SPEC §8: the form of one row — a name, a PIN that is 14 digits with a real birth date not after `today`
 * (malformed → PIN_MALFORMED, impossible or future date → PIN_IMPOSSIBLE_DATE), a category a contract may list
 * (empty → CITIZEN), an identity document of that category (empty type → the category's first, cl. 10) with a
 * well-formed number, and a whole term (empty → 12 months).
 */
export function readContractRow(raw: RawContractRow, today: CalendarDate): ReadContractRow {
  const lastName = raw.lastName.trim();
  const firstName = raw.firstName.trim();
  const patronymic = raw.patronymic.trim();
  if (!lastName || !firstName || [lastName, firstName, patronymic].some((s) => s.length > MAX_NAME_LENGTH)) {
    return { ok: false, reason: "MISSING_NAME" };
  }
  const pin = raw.pin.trim();
  const parsed = parsePin(pin, today);
  if (!parsed.ok)
    return { ok: false, reason: parsed.reason === "BIRTH_DATE" ? "PIN_IMPOSSIBLE_DATE" : "PIN_MALFORMED" };
  const category = raw.category.trim().toUpperCase() || "CITIZEN";
  if (!isCategory(category) || !isContractCategory(category)) return { ok: false, reason: "CATEGORY_NOT_ALLOWED" };
  const allowedDocuments = identityDocumentTypes(category);
  const documentType = raw.documentType.trim().toUpperCase() || allowedDocuments[0]!;
  if (!isDocumentType(documentType) || !allowedDocuments.includes(documentType)) {
    return { ok: false, reason: "DOCUMENT_TYPE_NOT_ALLOWED" };
  }
  if (!isDocumentNumber(raw.documentNumber)) return { ok: false, reason: "DOCUMENT_NUMBER_MALFORMED" };
  const term = raw.termMonths.trim();
  if (term !== "" && !/^\d{1,2}$/.test(term)) return { ok: false, reason: "TERM_NOT_ALLOWED" };
  return {
    ok: true,
    row: {
      lastName,
      firstName,
      patronymic: patronymic || null,
      pin,
      birthDate: parsed.birthDate,
      sex: parsed.sex,
      documentType,
      documentNumber: normalizeDocumentNumber(raw.documentNumber),
      category,
      termMonths: term === "" ? CONTRACT_DEFAULT_TERM_MONTHS : Number(term),
    },
  };
}

export type ContractPersonCheck =
  { ok: true; priceSom: number; termMonths: number } | { ok: false; reason: ContractRowReason };

/**
 * cl. 9, 12.2, 19, 29–31: may the person of a well-formed row get a policy under the contract on `on` (the payment
 * day; the validation day for the preview)? A citizen under 16 is covered by the state (cl. 9), an EAEU worker's
 * child under 16 gets the free policy (cl. 11), and anybody insured on that day — by a policy, a paid one not yet in
 * force, or another source — is "already insured", exactly as the public status check answers (cl. 12.2, 19).
 */
export function checkContractPerson(
  row: ContractRow,
  ctx: { on: CalendarDate; coverage: CoverageInput; tariffs: readonly TariffRow[] },
): ContractPersonCheck {
  const eligibility = checkPurchaseEligibility({
    category: row.category,
    birthDate: row.birthDate,
    sex: row.sex,
    hasIdentityDocument: true,
    on: ctx.on,
    coverage: ctx.coverage,
    tariffs: ctx.tariffs,
    termMonths: row.termMonths,
  });
  const reason = refusalReason(eligibility.ok ? [] : eligibility.refusals, ctx.coverage, ctx.on);
  if (reason !== null) return { ok: false, reason };
  if (!eligibility.ok || eligibility.quote === null) return { ok: false, reason: "TERM_NOT_ALLOWED" };
  return { ok: true, priceSom: eligibility.quote.priceSom, termMonths: eligibility.quote.termMonths };
}

/** The row reason for the rules' refusals, in the order of CONTRACT_ROW_REASONS; null when nothing stands in the way. */
function refusalReason(
  refusals: readonly Refusal[],
  coverage: CoverageInput,
  on: CalendarDate,
): ContractRowReason | null {
  const codes = refusals.map((r) => r.code);
  if (codes.includes("CITIZEN_UNDER_16")) return "UNDER_16";
  if (codes.includes("EAEU_FAMILY_CHILD_FREE")) return "EAEU_CHILD_FREE";
  const status = insuredStatusOn(coverage, on);
  if (status.insured || status.next !== null) return "ALREADY_INSURED";
  if (codes.includes("NO_TARIFF")) return "NO_TARIFF";
  return codes.length > 0 ? "TERM_NOT_ALLOWED" : null;
}

export type ContractPurchasePlan =
  { ok: true; plan: Extract<PurchasePlan, { ok: true }> } | { ok: false; reason: ContractRowReason };

/**
 * cl. 5, 9, 12.2, 19, 31: the sale for a row on the payment instant — the same answer as `checkContractPerson` on
 * the payment day, and when it may be sold, the rules' sale itself (`planPurchase`: price, payment + 5 days).
 */
export function planContractPurchase(
  row: ContractRow,
  ctx: { paidAt: Date; coverage: CoverageInput; tariffs: readonly TariffRow[] },
): ContractPurchasePlan {
  const plan = planPurchase({
    person: { category: row.category, birthDate: row.birthDate, sex: row.sex, hasIdentityDocument: true },
    termMonths: row.termMonths,
    paidAt: ctx.paidAt,
    coverage: ctx.coverage,
    tariffs: ctx.tariffs,
  });
  const reason = refusalReason(plan.ok ? [] : plan.refusals, ctx.coverage, plan.paymentDay);
  if (reason !== null) return { ok: false, reason };
  return plan.ok ? { ok: true, plan } : { ok: false, reason: "TERM_NOT_ALLOWED" };
}

/**
 * cl. 29 (interpretation I36): a legal entity is identified by its ИНН — 14 digits, the first 0 (an organization) or
 * 1/2 (an individual entrepreneur, as a PIN) — or by its ОКПО code, 8 digits. Spaces are not part of either.
 */
export function isContractRegistrationNumber(s: string): boolean {
  return /^[012]\d{13}$/.test(s) || /^\d{8}$/.test(s);
}

/** Two contract periods (inclusive) share at least one day: a person on both is listed twice (cl. 29). */
export function contractPeriodsOverlap(
  a: { validFrom: CalendarDate; validTo: CalendarDate },
  b: { validFrom: CalendarDate; validTo: CalendarDate },
): boolean {
  return compareDates(a.validFrom, b.validTo) <= 0 && compareDates(b.validFrom, a.validTo) <= 0;
}

/** A contract's period: real days, the end not before the start. */
export function isContractPeriod(validFrom: string, validTo: string): boolean {
  return isCalendarDate(validFrom) && isCalendarDate(validTo) && compareDates(validFrom, validTo) <= 0;
}
