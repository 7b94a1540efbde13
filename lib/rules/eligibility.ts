// May this person get a policy? (cl. 3, 4, 9, 11, 12.2, 19, 24; SPEC §3, §4). Every applicable refusal is
// returned, in the order of REFUSAL_CODES, so a screen can explain all of them at once.

import {
  EAEU_CHILD_BASE_CATEGORIES,
  isFreeCategory,
  PREGNANCY_BASE_CATEGORIES,
  PREGNANCY_FOREIGN_CITIZEN_CATEGORY,
  type Category,
  type Sex,
} from "./categories";
import {
  currentPolicyEnd,
  insuredStatusOn,
  isInsuredElsewhereOn,
  policiesCoveringOn,
  type CoverageInput,
} from "./coverage";
import { ageOn, compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { requiredDocuments, type DocumentRequirement } from "./documents";
import { freePolicyPeriod, PREGNANCY_TERM_MONTHS, pregnancyPolicyPeriod } from "./policy-period";
import { REFUSAL_CODES, refusal, type Refusal, type RefusalCode } from "./refusals";
import { allowedTerms, quotePrice, type LegalBasis, type TariffRow } from "./tariffs";

/** cl. 9: citizens under this age are covered by the state and get no policy. */
export const CITIZEN_MIN_AGE = 16;
/** cl. 11: an EAEU worker's child gets the free policy while under this age. */
export const EAEU_CHILD_MAX_AGE_EXCLUSIVE = 16;
/** cl. 4.1, 11: the EAEU child's free policy runs 12 calendar months, like every family member's. */
export const EAEU_CHILD_TERM_MONTHS = 12;

export type PurchaseEligibilityInput = {
  category: Category;
  /**
   * null only for a foreigner registered from a terminal's document number, not yet completed by a ТУ (README,
   * interpretation I23): their categories have no age rule; a category with one refuses INVALID_BIRTH_DATE
   */
  birthDate: CalendarDate | null;
  sex: Sex | null;
  hasIdentityDocument: boolean;
  /** the day of sale: the payment day (Asia/Bishkek) */
  on: CalendarDate;
  coverage: CoverageInput;
  tariffs: readonly TariffRow[];
  termMonths?: number;
};

export type OkQuote = { priceSom: number; termMonths: number; basis: LegalBasis; tariff: TariffRow | null };

export type PurchaseEligibility =
  | {
      ok: true;
      category: Category;
      isFree: boolean;
      allowedTerms: number[];
      /** the person's own policy runs on `on`: the new one starts the day after it ends (SPEC §3) */
      isRenewal: boolean;
      currentPolicyEnd: CalendarDate | null;
      /** the price for termMonths; null when termMonths was not given */
      quote: OkQuote | null;
    }
  | { ok: false; refusals: Refusal[] };

function sortRefusals(codes: Set<RefusalCode>): Refusal[] {
  return REFUSAL_CODES.filter((c) => codes.has(c)).map(refusal);
}

/** cl. 9, 11: the categories whose sale depends on the person's age. */
const AGE_RULED_CATEGORIES: readonly Category[] = ["CITIZEN", "EAEU_CHILD", "EAEU_FAMILY"];

function ageOrNull(birthDate: CalendarDate | null, on: CalendarDate): number | null {
  return birthDate !== null && isCalendarDate(birthDate) && compareDates(birthDate, on) <= 0
    ? ageOn(birthDate, on)
    : null;
}

/**
 * cl. 3, 4, 9, 11, 12.2, 19; SPEC §3–4: may `category` be sold (or, for EAEU_CHILD, issued free) to this person on
 * `on`, and for which terms.
 */
export function checkPurchaseEligibility(input: PurchaseEligibilityInput): PurchaseEligibility {
  const { category, on, coverage } = input;
  const codes = new Set<RefusalCode>();

  // cl. 24–26: the pregnancy policy is registered by the family doctor, never bought.
  if (category === "PREGNANT") codes.add("PREGNANCY_VIA_DOCTOR");

  const age = ageOrNull(input.birthDate, on);
  // README I23: an unknown birth date (a foreigner to be completed) is no refusal where no age rule applies.
  if (age === null) {
    if (input.birthDate !== null || AGE_RULED_CATEGORIES.includes(category)) codes.add("INVALID_BIRTH_DATE");
  }
  // cl. 9: children who are citizens are covered by the state; explain it, don't just refuse.
  else if (category === "CITIZEN" && age < CITIZEN_MIN_AGE) codes.add("CITIZEN_UNDER_16");
  // cl. 11: the free policy is for children under 16 only; from 16 they buy as family members.
  else if (category === "EAEU_CHILD" && age >= EAEU_CHILD_MAX_AGE_EXCLUSIVE) codes.add("EAEU_CHILD_TOO_OLD");
  // cl. 11 (interpretation): a family member under 16 is the worker's child and gets the policy free — never sell it.
  else if (category === "EAEU_FAMILY" && age < EAEU_CHILD_MAX_AGE_EXCLUSIVE) codes.add("EAEU_FAMILY_CHILD_FREE");

  // cl. 9: no identity document, no policy.
  if (!input.hasIdentityDocument) codes.add("NO_IDENTITY_DOCUMENT");

  // cl. 12.2, 19; appendix action 1: insured another way → "no need to buy".
  if (isInsuredElsewhereOn(coverage, on)) codes.add("INSURED_ELSEWHERE");
  // SPEC §3: one next policy at a time — a paid one not yet in force means this payment would be a double.
  if (insuredStatusOn(coverage, on).next !== null) codes.add("POLICY_ALREADY_PAID");

  const terms = category === "PREGNANT" ? [] : allowedTerms(input.tariffs, category, on);
  let quote: OkQuote | null = null;
  if (category !== "PREGNANT") {
    if (terms.length === 0) codes.add("NO_TARIFF");
    else if (input.termMonths !== undefined) {
      const q = quotePrice(input.tariffs, category, input.termMonths, on);
      if (q.ok) quote = { priceSom: q.priceSom, termMonths: q.termMonths, basis: q.basis, tariff: q.tariff };
      else codes.add("TERM_NOT_ALLOWED");
    }
  }

  if (codes.size > 0) return { ok: false, refusals: sortRefusals(codes) };
  const end = currentPolicyEnd(coverage, on);
  return {
    ok: true,
    category,
    isFree: isFreeCategory(category),
    allowedTerms: terms,
    isRenewal: end !== null,
    currentPolicyEnd: end,
    quote,
  };
}

export type PregnancyEligibilityInput = {
  /** the category the woman belongs to apart from the pregnancy (cl. 24) */
  baseCategory: Category;
  sex: Sex;
  /** cl. 24: required for a foreign citizen */
  marriedToCitizen: boolean;
  /**
   * cl. 24 names foreign *citizens* only. For the FOREIGNER base category (which also holds stateless persons, cost
   * 1.2): true = stateless (refused, PREGNANCY_STATELESS), false = a citizen of another state; omitted = not known
   * (refused, PREGNANCY_CITIZENSHIP_UNKNOWN). From a person record: statelessFromRecord(person). Ignored for the
   * other base categories.
   */
  isStateless?: boolean;
  hasIdentityDocument: boolean;
  registrationDay: CalendarDate;
  coverage: CoverageInput;
  /** optional: when given, cl. 9's under-16 rule for citizens is applied too */
  birthDate?: CalendarDate;
};

export type PregnancyEligibility =
  | {
      ok: true;
      category: "PREGNANT";
      priceSom: 0;
      termMonths: number;
      validFrom: CalendarDate;
      validTo: CalendarDate;
      basis: LegalBasis;
    }
  | { ok: false; refusals: Refusal[] };

/**
 * cl. 24–27: the free policy for an uninsured woman registered for pregnancy, valid from the registration day.
 */
export function checkPregnancyEligibility(input: PregnancyEligibilityInput): PregnancyEligibility {
  const { baseCategory, registrationDay, coverage } = input;
  const codes = new Set<RefusalCode>();

  // cl. 24: "беременным женщинам".
  if (input.sex !== "FEMALE") codes.add("PREGNANCY_WRONG_SEX");
  // cl. 24: only citizens, EAEU workers' family members, kairylmans and foreign citizens married to a citizen —
  // not refugees, asylum seekers, students or compatriots (SPEC §5).
  if (!(PREGNANCY_BASE_CATEGORIES as readonly Category[]).includes(baseCategory)) {
    codes.add("PREGNANCY_CATEGORY_NOT_ELIGIBLE");
  } else if (baseCategory === PREGNANCY_FOREIGN_CITIZEN_CATEGORY) {
    // cl. 24 "иностранные граждане": a stateless woman is not one; an unrecorded citizenship is not proof of one.
    if (input.isStateless === true) codes.add("PREGNANCY_STATELESS");
    else if (input.isStateless !== false) codes.add("PREGNANCY_CITIZENSHIP_UNKNOWN");
    if (!input.marriedToCitizen) codes.add("PREGNANCY_NOT_MARRIED_TO_CITIZEN");
  }

  if (input.birthDate !== undefined) {
    const age = ageOrNull(input.birthDate, registrationDay);
    if (age === null) codes.add("INVALID_BIRTH_DATE");
    // cl. 9 applies to every policy: a citizen under 16 is covered by the state already.
    else if (baseCategory === "CITIZEN" && age < CITIZEN_MIN_AGE) codes.add("CITIZEN_UNDER_16");
  }

  if (!input.hasIdentityDocument) codes.add("NO_IDENTITY_DOCUMENT");

  // cl. 24: "незастрахованным" — insured another way, or by a running policy of her own, she needs none.
  if (isInsuredElsewhereOn(coverage, registrationDay)) codes.add("INSURED_ELSEWHERE");
  else if (policiesCoveringOn(coverage, registrationDay).length > 0) codes.add("ALREADY_INSURED");

  const quote = quotePrice([], "PREGNANT", PREGNANCY_TERM_MONTHS, registrationDay);
  if (!quote.ok) codes.add("NO_TARIFF");

  if (codes.size > 0 || !quote.ok) return { ok: false, refusals: sortRefusals(codes) };
  return {
    ok: true,
    category: "PREGNANT",
    priceSom: 0,
    termMonths: PREGNANCY_TERM_MONTHS,
    ...pregnancyPolicyPeriod(registrationDay),
    basis: quote.basis,
  };
}

export type EaeuChildEligibilityInput = {
  /**
   * the category the child is registered in (or asked for): EAEU_CHILD, or EAEU_FAMILY for a worker's family member;
   * any other category is not an EAEU worker's child (cl. 11)
   */
  baseCategory: Category;
  birthDate: CalendarDate;
  sex: Sex;
  /** cl. 9, 10: the birth certificate (or, for an older child, the passport) */
  hasIdentityDocument: boolean;
  /** the day the ТУ issues the policy (Asia/Bishkek) */
  issueDay: CalendarDate;
  coverage: CoverageInput;
};

export type EaeuChildEligibility =
  | {
      ok: true;
      category: "EAEU_CHILD";
      priceSom: 0;
      termMonths: number;
      /** the issue day, or the day after the child's running policy ends (README, I7) */
      validFrom: CalendarDate;
      validTo: CalendarDate;
      isRenewal: boolean;
      basis: LegalBasis;
      /** cl. 10: what the ТУ checks (birth certificate …) */
      documents: DocumentRequirement[];
    }
  | { ok: false; refusals: Refusal[] };

/**
 * cl. 11: a child under 16 of an EAEU worker legally working in the KR gets the policy free (0 som), for 12 months
 * (cl. 4.1), valid from the issue day (interpretation I7), on the cl. 10 documents (birth certificate …). Refused
 * from 16 (EAEU_CHILD_TOO_OLD) and for any category that is not an EAEU worker's family (EAEU_CHILD_NOT_EAEU_FAMILY),
 * and for the general reasons of checkPurchaseEligibility (no document, insured another way, already paid).
 */
export function checkEaeuChildEligibility(input: EaeuChildEligibilityInput): EaeuChildEligibility {
  const codes = new Set<RefusalCode>();
  if (!(EAEU_CHILD_BASE_CATEGORIES as readonly Category[]).includes(input.baseCategory))
    codes.add("EAEU_CHILD_NOT_EAEU_FAMILY");
  const general = checkPurchaseEligibility({
    category: "EAEU_CHILD",
    birthDate: input.birthDate,
    sex: input.sex,
    hasIdentityDocument: input.hasIdentityDocument,
    on: input.issueDay,
    coverage: input.coverage,
    tariffs: [],
    termMonths: EAEU_CHILD_TERM_MONTHS,
  });
  if (!general.ok) for (const r of general.refusals) codes.add(r.code);
  if (codes.size > 0 || !general.ok || general.quote === null) return { ok: false, refusals: sortRefusals(codes) };
  const period = freePolicyPeriod(input.issueDay, general.quote.termMonths, general.currentPolicyEnd);
  return {
    ok: true,
    category: "EAEU_CHILD",
    priceSom: 0,
    termMonths: general.quote.termMonths,
    ...period,
    isRenewal: general.isRenewal,
    basis: general.quote.basis,
    documents: requiredDocuments("EAEU_CHILD"),
  };
}
