import "server-only";
import { findTariffRows } from "@/lib/policies/queries";
import type { Locale } from "@/lib/i18n/routing";
import {
  bishkekDate,
  CATEGORIES,
  canIdentifyByDocumentNumber,
  checkPurchaseEligibility,
  compareDates,
  currentPolicyEnd,
  identityDocumentTypes,
  insuredStatusOn,
  isFreeCategory,
  isInsuredElsewhereOn,
  parsePin,
  planPurchase,
  planSecondInstalment,
  refusal,
  studentFirstStageEnd,
  type CalendarDate,
  type Category,
  type CoverageInput,
  type PurchaseEligibility,
  type PurchasePlan,
  type Refusal,
  type Sex,
  type TariffRow,
} from "@/lib/rules";
import type { BuyDraft } from "./draft";
import { findCoverageForIdentity, findUnfinishedStudentPolicyFor } from "./queries";

// The purchase journey's order of questions and what each answer means (STYLE §8; cl. 12.2, 19–21; SPEC §3).
// The rules decide everything: this file only asks them at the right moment and chooses the next page.

export type BuyStep = "identify" | "pin" | "document" | "insured" | "name" | "phone" | "category" | "term" | "check";
export const NOT_ELIGIBLE = "not-eligible";

const POSITION: Record<BuyStep, number> = {
  identify: 0,
  pin: 1,
  document: 1,
  insured: 2,
  name: 3,
  phone: 4,
  category: 5,
  term: 6,
  check: 7,
};

export function buyPath(locale: Locale, step: BuyStep | typeof NOT_ELIGIBLE | null = null): string {
  return step ? `/${locale}/buy/${step}` : `/${locale}/buy`;
}

export type Identity = {
  pin: string | null;
  documentType: BuyDraft["documentType"] | null;
  documentNumber: string | null;
  birthDate: CalendarDate;
  sex: Sex;
};

/** Who the policy is for, once the identity questions are answered; sex and birth date come from the PIN (SPEC §8). */
export function identityOf(draft: BuyDraft): Identity | null {
  if (draft.idKind === "PIN" && draft.pin) {
    const parsed = parsePin(draft.pin);
    return parsed.ok
      ? { pin: draft.pin, documentType: null, documentNumber: null, birthDate: parsed.birthDate, sex: parsed.sex }
      : null;
  }
  if (draft.idKind === "DOCUMENT" && draft.documentType && draft.documentNumber && draft.birthDate && draft.sex) {
    return {
      pin: null,
      documentType: draft.documentType,
      documentNumber: draft.documentNumber,
      birthDate: draft.birthDate,
      sex: draft.sex,
    };
  }
  return null;
}

/** The first question not answered yet: where a person continues, and how far they may jump. */
export function firstMissingStep(draft: BuyDraft): BuyStep {
  if (!draft.idKind) return "identify";
  if (!identityOf(draft)) return draft.idKind === "PIN" ? "pin" : "document";
  if (draft.currentPolicyEnd && !draft.renewalConfirmed) return "insured";
  if (!draft.lastName || !draft.firstName) return "name";
  if (!draft.phone) return "phone";
  if (!draft.category || !categoryChoices(draft).includes(draft.category)) return "category";
  if (!draft.termMonths) return "term";
  return "check";
}

/** null when the page may be shown; else the step to send the person to (a bookmark or a skipped question). */
export function guardStep(draft: BuyDraft, step: BuyStep): BuyStep | null {
  const missing = firstMissingStep(draft);
  if (step === "pin" && draft.idKind !== "PIN") return missing;
  if (step === "document" && draft.idKind !== "DOCUMENT") return missing;
  if (step === "insured" && !draft.currentPolicyEnd) return missing;
  return POSITION[step] > POSITION[missing] ? missing : null;
}

/**
 * Categories sold on this page (cl. 4). Free ones are never sold: the pregnancy policy is registered by the family
 * doctor (cl. 24–26) and the EAEU worker's child gets a free policy at a ТУ (cl. 11). Without a PIN only the foreign
 * categories whose identity documents include the one given (appendix 4–5; cl. 10).
 */
export function categoryChoices(draft: Pick<BuyDraft, "idKind" | "documentType">): Category[] {
  return CATEGORIES.filter((c) => {
    if (isFreeCategory(c)) return false;
    if (draft.idKind === "DOCUMENT")
      return (
        canIdentifyByDocumentNumber(c) && !!draft.documentType && identityDocumentTypes(c).includes(draft.documentType)
      );
    return true;
  });
}

export type Assessment = {
  identity: Identity;
  coverage: CoverageInput;
  tariffs: TariffRow[];
  /** every refusal that applies today, for the "cannot buy" page */
  refusals: Refusal[];
  eligibility: PurchaseEligibility | null;
};

/**
 * cl. 12.2, 19, appendix action 1: the status is checked before anything is sold. Before a category is chosen only
 * the checks that do not depend on it can run (insured another way; a paid policy already waiting); with a category
 * the rules' full eligibility check runs.
 */
export async function assessDraft(draft: BuyDraft, today: CalendarDate): Promise<Assessment | null> {
  const identity = identityOf(draft);
  if (!identity) return null;
  const [coverage, tariffs] = await Promise.all([findCoverageForIdentity(identity), findTariffRows()]);
  if (!draft.category) {
    const refusals: Refusal[] = [];
    if (isInsuredElsewhereOn(coverage, today)) refusals.push(refusal("INSURED_ELSEWHERE"));
    if (insuredStatusOn(coverage, today).next !== null) refusals.push(refusal("POLICY_ALREADY_PAID"));
    return { identity, coverage, tariffs, refusals, eligibility: null };
  }
  const eligibility = checkPurchaseEligibility({
    category: draft.category,
    birthDate: identity.birthDate,
    sex: identity.sex,
    hasIdentityDocument: true, // a PIN or an identity document's number was given (cl. 9, 20)
    on: today,
    coverage,
    tariffs,
    termMonths: draft.termMonths,
  });
  return { identity, coverage, tariffs, refusals: eligibility.ok ? [] : eligibility.refusals, eligibility };
}

/** After the identity answers: refused, told they are insured (renewal, SPEC §3), or on to the next question. */
export async function afterIdentity(
  draft: BuyDraft,
  today: CalendarDate,
): Promise<{ draft: BuyDraft; next: BuyStep | typeof NOT_ELIGIBLE }> {
  // A student whose first half is paid and whose first 6 months still run pays the second half of that policy
  // (cl. 4 note; SPEC §2): the category and the term are the policy's, nothing else is sold to them.
  const identity = identityOf(draft);
  const open = identity ? await findUnfinishedStudentPolicyFor(identity) : null;
  if (open && compareDates(today, studentFirstStageEnd(open.validFrom)) <= 0) {
    const second: BuyDraft = {
      ...draft,
      category: open.category,
      termMonths: 12,
      instalment: "SECOND_HALF",
      currentPolicyEnd: open.validTo,
      renewalConfirmed: true,
    };
    return { draft: second, next: firstMissingStep(second) };
  }
  const a = await assessDraft({ ...draft, category: undefined }, today);
  if (!a) return { draft, next: firstMissingStep(draft) };
  if (a.refusals.length > 0) return { draft, next: NOT_ELIGIBLE };
  const end = currentPolicyEnd(a.coverage, today);
  const updated: BuyDraft = {
    ...draft,
    instalment: undefined,
    currentPolicyEnd: end,
    renewalConfirmed: end !== null && draft.currentPolicyEnd === end ? draft.renewalConfirmed : undefined,
  };
  return { draft: updated, next: firstMissingStep(updated) };
}

/** The terms on sale today for the chosen category, cheapest first is the rules' order (cl. 4). */
export function termsFor(assessment: Assessment): number[] {
  return assessment.eligibility?.ok ? assessment.eligibility.allowedTerms : [];
}

/**
 * What paying now would buy: the rules' plan for a payment at this instant (price, first and last day). A student's
 * first half is the rules' instalment plan (cl. 4 note: 6 months now); a second half extends the unfinished policy to
 * 12 months from its start and costs what is left of its price (SPEC §2).
 */
export async function planForDraft(
  draft: BuyDraft,
  now: Date,
): Promise<{ plan: PurchasePlan; identity: Identity } | null> {
  const identity = identityOf(draft);
  if (!identity || !draft.category || !draft.termMonths) return null;
  if (draft.instalment === "SECOND_HALF") {
    const open = await findUnfinishedStudentPolicyFor(identity);
    const second = open ? planSecondInstalment({ policy: open, paidAt: now }) : null;
    if (!open || !second)
      return {
        plan: { ok: false, paymentDay: bishkekDate(now), refusals: [refusal("SECOND_INSTALMENT_WITHOUT_FIRST")] },
        identity,
      };
    if (!second.ok) return { plan: { ok: false, paymentDay: second.paymentDay, refusals: second.refusals }, identity };
    const plan: PurchasePlan = {
      ok: true,
      category: open.category,
      priceSom: second.amountSom,
      termMonths: 12,
      paymentDay: second.paymentDay,
      validFrom: open.validFrom,
      validTo: second.validTo,
      tariff: null,
      basis: { ru: "", ky: "" },
      isFree: false,
      isRenewal: false,
      instalments: null,
    };
    return { plan, identity };
  }
  const [coverage, tariffs] = await Promise.all([findCoverageForIdentity(identity), findTariffRows()]);
  const plan = planPurchase({
    person: { category: draft.category, birthDate: identity.birthDate, sex: identity.sex, hasIdentityDocument: true },
    termMonths: draft.termMonths,
    paidAt: now,
    coverage,
    tariffs,
    payInInstalments: draft.instalment === "FIRST_HALF",
  });
  return { plan, identity };
}

/** A birth date typed by a foreigner may not be in the future (SPEC §8). */
export function isBirthDateAcceptable(birthDate: CalendarDate, today: CalendarDate): boolean {
  return compareDates(birthDate, today) <= 0;
}

/** Where "Back" goes from a page: the previous question actually asked. */
export function previousStep(draft: BuyDraft, step: BuyStep | typeof NOT_ELIGIBLE): BuyStep | null {
  const identityStep: BuyStep = draft.idKind === "DOCUMENT" ? "document" : "pin";
  switch (step) {
    case "identify":
      return null;
    case "pin":
    case "document":
      return "identify";
    case "insured":
      return identityStep;
    case "name":
      return draft.currentPolicyEnd ? "insured" : identityStep;
    case "phone":
      return "name";
    case "category":
      return "phone";
    case "term":
      return "category";
    case "check":
      return "term";
    case NOT_ELIGIBLE:
      return draft.category ? "category" : identityStep;
  }
}

/** A journey page's path without the language prefix (for next-intl's Link, which adds it). */
export function stepHref(step: BuyStep | typeof NOT_ELIGIBLE | null): string {
  return step ? `/buy/${step}` : "/buy";
}
