// A walk-in application for a paper policy at a ТУ (cl. 9–15): the clerk ticks the cl. 10 documents of the category
// and either links a payment (a terminal, bank or portal payment that already produced the person's policy) or asks
// for the free EAEU child's policy (cl. 11). This decides what the application leads to; it never reads the clock.

import { identityDocumentTypes, isFreeCategory, type Category, type DocumentType, type Sex } from "./categories";
import { insuredStatusOn, isInsuredElsewhereOn, policiesCoveringOn, type CoverageInput } from "./coverage";
import { type CalendarDate } from "./dates";
import { requiredDocuments, type DocumentCode } from "./documents";
import { checkEaeuChildEligibility, checkPurchaseEligibility } from "./eligibility";
import { REFUSAL_CODES, refusal, type Refusal, type RefusalCode } from "./refusals";
import type { TariffRow } from "./tariffs";

/** cl. 9, 10: the checklist items that are the person's identity document (the first of each category's list). */
export const IDENTITY_DOCUMENT_CODES: readonly DocumentCode[] = [
  "KG_PASSPORT_OR_ID_CARD",
  "EAEU_PASSPORT",
  "FOREIGN_PASSPORT",
  "BIRTH_CERTIFICATE",
  "REFUGEE_DOCUMENT",
  "ASYLUM_SEEKER_DOCUMENT",
  "KAIRYLMAN_CERTIFICATE",
  "MEKEN_CARD",
];

/**
 * With a linked payment the channel already applied the coverage and price rules on the payment day (recordPayment):
 * at the desk only what concerns the person and their papers can still refuse.
 */
const PERSON_REFUSALS: readonly RefusalCode[] = [
  "PREGNANCY_VIA_DOCTOR",
  "INVALID_BIRTH_DATE",
  "CITIZEN_UNDER_16",
  "EAEU_CHILD_TOO_OLD",
  "EAEU_FAMILY_CHILD_FREE",
  "NO_IDENTITY_DOCUMENT",
];

export type WalkInApplicationInput = {
  /** the category applied for */
  category: Category;
  termMonths: number;
  /** the person's record: the category registered (the EAEU child's base category, cl. 11), birth date, sex */
  person: { category: Category; birthDate: CalendarDate | null; sex: Sex | null };
  /** the checklist codes the clerk ticked */
  ticked: readonly string[];
  /** the linked payment: whether it produced an ISSUED policy; null = no payment brought */
  payment: { hasIssuedPolicy: boolean } | null;
  /** the person's coverage without the linked payment's own policy */
  coverage: CoverageInput;
  tariffs: readonly TariffRow[];
  /** the day the application is entered (Asia/Bishkek) */
  today: CalendarDate;
};

export type WalkInDecision =
  /** a paid category with its payment: the payment's policy becomes the application's (the paper policy is made) */
  | { kind: "LINK_PAID_POLICY" }
  /** cl. 11: the free EAEU child's policy is issued by the ТУ */
  | { kind: "ISSUE_FREE"; category: "EAEU_CHILD"; termMonths: number; validFrom: CalendarDate; validTo: CalendarDate }
  | {
      kind: "REFUSED";
      refusals: Refusal[];
      /** cl. 10: the checklist items not ticked */
      missingDocuments: DocumentCode[];
      /** insured already (ALREADY_INSURED, INSURED_ELSEWHERE): the last day of that coverage — "no need to buy" */
      insuredUntil: CalendarDate | null;
    };

function sorted(codes: Set<RefusalCode>): Refusal[] {
  return REFUSAL_CODES.filter((c) => codes.has(c)).map(refusal);
}

/**
 * cl. 9–12, 15: what a walk-in application leads to. Every reason to refuse is returned at once: the person (a
 * citizen under 16 — the state covers children), the papers (no identity document; other cl. 10 documents missing),
 * the money (no payment, cl. 9) and the status (cl. 12.2: insured already — no need to buy, with until when).
 */
export function decideWalkInApplication(input: WalkInApplicationInput): WalkInDecision {
  const { category, today, coverage } = input;
  const required = category === "PREGNANT" ? [] : requiredDocuments(category).map((d) => d.code);
  const missingDocuments = required.filter((code) => !input.ticked.includes(code));
  const hasIdentityDocument = !missingDocuments.some((code) => IDENTITY_DOCUMENT_CODES.includes(code));
  const codes = new Set<RefusalCode>();
  if (hasIdentityDocument && missingDocuments.length > 0) codes.add("DOCUMENTS_MISSING");

  const status = insuredStatusOn(coverage, today);
  const insuredOwn = policiesCoveringOn(coverage, today).length > 0;
  const insuredElsewhere = isInsuredElsewhereOn(coverage, today);
  let freePeriod: { termMonths: number; validFrom: CalendarDate; validTo: CalendarDate } | null = null;

  if (category === "EAEU_CHILD") {
    const child = checkEaeuChildEligibility({
      baseCategory: input.person.category,
      birthDate: input.person.birthDate ?? "",
      sex: input.person.sex ?? "FEMALE",
      hasIdentityDocument,
      issueDay: today,
      coverage,
    });
    if (child.ok) freePeriod = child;
    else for (const r of child.refusals) codes.add(r.code);
    if (insuredOwn) codes.add("ALREADY_INSURED");
  } else {
    const general = checkPurchaseEligibility({
      category,
      birthDate: input.person.birthDate,
      sex: input.person.sex,
      hasIdentityDocument,
      on: today,
      coverage,
      tariffs: input.tariffs,
      termMonths: isFreeCategory(category) ? undefined : input.termMonths,
    });
    const refusals = general.ok ? [] : general.refusals.map((r) => r.code);
    if (input.payment) {
      for (const code of refusals) if (PERSON_REFUSALS.includes(code)) codes.add(code);
      if (!input.payment.hasIssuedPolicy) codes.add("NO_PAYMENT");
    } else {
      for (const code of refusals) codes.add(code);
      // cl. 12.2: a running policy of their own — no need to buy another at the desk (the renewal is bought online
      // or at a terminal, SPEC §3).
      if (insuredOwn) codes.add("ALREADY_INSURED");
      if (!isFreeCategory(category)) codes.add("NO_PAYMENT");
    }
  }
  if (!hasIdentityDocument) codes.add("NO_IDENTITY_DOCUMENT");

  if (codes.size > 0) {
    const covered = codes.has("ALREADY_INSURED") || codes.has("INSURED_ELSEWHERE");
    return {
      kind: "REFUSED",
      refusals: sorted(codes),
      missingDocuments,
      insuredUntil: covered && (insuredOwn || insuredElsewhere) ? (status.coverage?.validTo ?? null) : null,
    };
  }
  if (freePeriod) {
    return {
      kind: "ISSUE_FREE",
      category: "EAEU_CHILD",
      termMonths: freePeriod.termMonths,
      validFrom: freePeriod.validFrom,
      validTo: freePeriod.validTo,
    };
  }
  return { kind: "LINK_PAID_POLICY" };
}

export type PersonFields = {
  /** a PIN is required: citizens, and every category whose cl. 10 list names the KR PIN */
  pinRequired: boolean;
  /** the identity documents a person of this category is registered with (cl. 9, 10) */
  documentTypes: readonly DocumentType[];
  /** the citizenship (a state, or stateless) is asked: everyone but citizens of the KR */
  asksCitizenship: boolean;
};

/**
 * cl. 9, 10: what a clerk records to register (or complete) a person of a category. Without a PIN the birth date and
 * sex are entered (a PIN carries them, SPEC §8). The pregnancy category is the family doctor's (cl. 24–26): its
 * base category is registered instead.
 */
export function personFieldsFor(category: Category): PersonFields {
  const pinRequired =
    category === "CITIZEN" || (category !== "PREGNANT" && requiredDocuments(category).some((d) => d.code === "KG_PIN"));
  return { pinRequired, documentTypes: identityDocumentTypes(category), asksCitizenship: category !== "CITIZEN" };
}
