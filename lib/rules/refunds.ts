// Refunds and re-issue (cl. 32–35; SPEC §6). The Fund's Budget Planning Department refunds on a ТУ's letter in two
// cases only; instead of a refund, the payer may have the policy re-issued to another uninsured person (cl. 34).
// The transfer of money itself follows treasury rules (cl. 35) and is not modelled here.

import type { PolicyStatus } from "./categories";
import { insuredStatusOn, isInsuredElsewhereOn, policiesCoveringOn, type CoverageInput } from "./coverage";
import { addDays, compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { checkPurchaseEligibility } from "./eligibility";
import type { PurchasePerson } from "./plan-purchase";
import { effectiveDay, reissuePeriod } from "./policy-period";
import { refusal, type Refusal } from "./refusals";
import { quotePrice, type TariffRow } from "./tariffs";

export const REFUND_GROUNDS = ["DEATH", "ALREADY_INSURED"] as const;
/** DEATH — died before the policy took effect (cl. 32, first case); ALREADY_INSURED — was insured when bought (second). */
export type RefundGround = (typeof REFUND_GROUNDS)[number];

/** Who files the claim, relative to the beneficiary. PAYER is whoever paid, the beneficiary included. */
export const CLAIMANT_RELATIONS = [
  "BENEFICIARY",
  "SPOUSE",
  "SIBLING",
  "CHILD",
  "PARENT",
  "PAYER",
  "ATTORNEY",
  "OTHER",
] as const;
export type ClaimantRelation = (typeof CLAIMANT_RELATIONS)[number];

/** cl. 32: the death claim must come before 30 calendar days from the payment day have run out. */
export const REFUND_CLAIM_DAYS = 30;

export const REFUND_REFUSAL_CODES = [
  "POLICY_NOT_ISSUED",
  "NOTHING_PAID",
  "DEATH_DAY_MISSING",
  "DEATH_AFTER_EFFECTIVE",
  "CLAIM_AFTER_30_DAYS",
  "CLAIMANT_NOT_ENTITLED",
  "NOT_INSURED_ELSEWHERE",
  "NEW_HOLDER_NOT_ELIGIBLE",
  "REISSUE_PRICE_MISMATCH",
] as const;
export type RefundRefusalCode = (typeof REFUND_REFUSAL_CODES)[number];
export type RefundRefusal = { code: RefundRefusalCode; clause: string };

export const REFUND_REFUSAL_CLAUSES: Record<RefundRefusalCode, string> = {
  POLICY_NOT_ISSUED: "cl. 32, 34; SPEC §6",
  NOTHING_PAID: "cl. 32",
  DEATH_DAY_MISSING: "cl. 32",
  DEATH_AFTER_EFFECTIVE: "cl. 32",
  CLAIM_AFTER_30_DAYS: "cl. 32",
  CLAIMANT_NOT_ENTITLED: "cl. 32, 34",
  NOT_INSURED_ELSEWHERE: "cl. 32, 34",
  NEW_HOLDER_NOT_ELIGIBLE: "cl. 34",
  REISSUE_PRICE_MISMATCH: "cl. 34; SPEC §6",
};

const refundRefusal = (code: RefundRefusalCode): RefundRefusal => ({ code, clause: REFUND_REFUSAL_CLAUSES[code] });

export const REFUND_DOCUMENT_CODES = [
  "PAYMENT_RECEIPT_COPY",
  "CLAIM_APPLICATION",
  "CLAIMANT_PASSPORT_COPY",
  "DEATH_CERTIFICATE_COPY",
  "KINSHIP_PROOF",
  "POWER_OF_ATTORNEY",
  "REISSUE_APPLICATION",
] as const;
export type RefundDocumentCode = (typeof REFUND_DOCUMENT_CODES)[number];
export type RefundDocument = { code: RefundDocumentCode; clause: string; isInterpretation: boolean };

/** cl. 32: close relatives, the payer, or a holder of the beneficiary's notarized power of attorney. */
const DEATH_CLAIMANTS: readonly ClaimantRelation[] = ["SPOUSE", "SIBLING", "CHILD", "PARENT", "PAYER", "ATTORNEY"];
/** cl. 32–33 (interpretation): the beneficiary is alive, so the claim is theirs, the payer's or their attorney's. */
const ALREADY_INSURED_CLAIMANTS: readonly ClaimantRelation[] = ["BENEFICIARY", "PAYER", "ATTORNEY"];
/** cl. 34: "лицо, купившее Полис ОМС" — the payer only. */
const REISSUE_CLAIMANTS: readonly ClaimantRelation[] = ["PAYER"];
const RELATIVES: readonly ClaimantRelation[] = ["SPOUSE", "SIBLING", "CHILD", "PARENT"];

export function canClaimRefund(ground: RefundGround, claimant: ClaimantRelation): boolean {
  return (ground === "DEATH" ? DEATH_CLAIMANTS : ALREADY_INSURED_CLAIMANTS).includes(claimant);
}

export function canRequestReissue(claimant: ClaimantRelation): boolean {
  return REISSUE_CLAIMANTS.includes(claimant);
}

export type RefundPolicy = {
  number: string;
  status: PolicyStatus;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
};

/** The last day a death claim is accepted: payment day + 30 (10 March → 9 April). */
export function lastRefundClaimDay(paymentDay: CalendarDate): CalendarDate {
  return addDays(paymentDay, REFUND_CLAIM_DAYS);
}

function overlaps(a: { validFrom: CalendarDate; validTo: CalendarDate }, b: RefundPolicy): boolean {
  if (!isCalendarDate(b.validFrom) || !isCalendarDate(b.validTo)) return true;
  return compareDates(a.validFrom, b.validTo) <= 0 && compareDates(b.validFrom, a.validTo) <= 0;
}

/**
 * cl. 32 (second case), cl. 34: was the beneficiary already insured when this policy was bought — on its payment
 * day, by external coverage or by another ISSUED policy that overlaps this one. A renewal (which starts after the
 * running policy ends) does not overlap, so buying one is not a ground for a refund.
 */
export function wasInsuredElsewhereWhenBought(
  coverage: CoverageInput,
  policy: RefundPolicy,
  paymentDay: CalendarDate,
): boolean {
  if (isInsuredElsewhereOn(coverage, paymentDay)) return true;
  return policiesCoveringOn(coverage, paymentDay).some((p) => p.number !== policy.number && overlaps(p, policy));
}

export type RefundInput = {
  ground: RefundGround;
  policy: RefundPolicy;
  paymentDay: CalendarDate;
  /** what was actually paid for this policy, whole som: the amount to refund */
  paidSom: number;
  claimDay: CalendarDate;
  claimant: ClaimantRelation;
  /** DEATH: the day of death from the death certificate */
  deathDay?: CalendarDate | null;
  /** ALREADY_INSURED: the beneficiary's coverage (this policy may be in it; it is ignored by number) */
  beneficiaryCoverage?: CoverageInput;
};

export type RefundDecision =
  | { ok: true; ground: RefundGround; amountSom: number; clause: string; documents: RefundDocument[] }
  | { ok: false; refusals: RefundRefusal[] };

/** cl. 32–33: may the money paid for this policy be refunded, and with which documents does the ТУ write. */
export function checkRefund(input: RefundInput): RefundDecision {
  const { ground, policy, paymentDay } = input;
  const refusals: RefundRefusal[] = [];

  // SPEC §6: a pending, cancelled, already refunded or re-issued policy has nothing to refund.
  if (policy.status !== "ISSUED") refusals.push(refundRefusal("POLICY_NOT_ISSUED"));
  if (!(input.paidSom > 0)) refusals.push(refundRefusal("NOTHING_PAID"));

  if (ground === "DEATH") {
    const deathDay = input.deathDay ?? null;
    if (deathDay === null) refusals.push(refundRefusal("DEATH_DAY_MISSING"));
    // cl. 32: death "до момента начала действия Полиса" — strictly before the first day of validity. A renewal's
    // first day is after payment + 5, so the policy's own validFrom is the line when known.
    else if (compareDates(deathDay, policy.validFrom ?? effectiveDay(paymentDay)) >= 0) {
      refusals.push(refundRefusal("DEATH_AFTER_EFFECTIVE"));
    }
    // cl. 32: "до истечения 30 календарных дней со дня оплаты" — counted from the day after payment.
    if (compareDates(input.claimDay, lastRefundClaimDay(paymentDay)) > 0)
      refusals.push(refundRefusal("CLAIM_AFTER_30_DAYS"));
  }

  if (!canClaimRefund(ground, input.claimant)) refusals.push(refundRefusal("CLAIMANT_NOT_ENTITLED"));

  if (ground === "ALREADY_INSURED") {
    const coverage = input.beneficiaryCoverage ?? { policies: [], external: [] };
    if (!wasInsuredElsewhereWhenBought(coverage, policy, paymentDay))
      refusals.push(refundRefusal("NOT_INSURED_ELSEWHERE"));
  }

  if (refusals.length > 0) return { ok: false, refusals };
  return {
    ok: true,
    ground,
    amountSom: input.paidSom,
    clause: "cl. 32",
    documents: refundDocuments(ground, input.claimant),
  };
}

/**
 * cl. 33: the ТУ's letter carries a copy of the receipt, the claimant's application with bank details and a copy of
 * the claimant's passport. Interpretation: a death claim also needs the death certificate and, from a relative,
 * proof of kinship; an attorney's claim needs the notarized power of attorney cl. 32 speaks of.
 */
export function refundDocuments(ground: RefundGround, claimant: ClaimantRelation): RefundDocument[] {
  const docs: RefundDocument[] = [
    { code: "PAYMENT_RECEIPT_COPY", clause: "cl. 33", isInterpretation: false },
    { code: "CLAIM_APPLICATION", clause: "cl. 33", isInterpretation: false },
    { code: "CLAIMANT_PASSPORT_COPY", clause: "cl. 33", isInterpretation: false },
  ];
  if (ground === "DEATH") {
    docs.push({ code: "DEATH_CERTIFICATE_COPY", clause: "cl. 32", isInterpretation: true });
    if (RELATIVES.includes(claimant)) docs.push({ code: "KINSHIP_PROOF", clause: "cl. 32", isInterpretation: true });
  }
  if (claimant === "ATTORNEY") docs.push({ code: "POWER_OF_ATTORNEY", clause: "cl. 32", isInterpretation: false });
  return docs;
}

/** cl. 34: the payer's application; interpretation: with the receipt that shows who paid. */
export function reissueDocuments(): RefundDocument[] {
  return [
    { code: "REISSUE_APPLICATION", clause: "cl. 34", isInterpretation: false },
    { code: "PAYMENT_RECEIPT_COPY", clause: "cl. 34", isInterpretation: true },
    { code: "CLAIMANT_PASSPORT_COPY", clause: "cl. 34", isInterpretation: true },
  ];
}

export type ReissueInput = {
  policy: RefundPolicy & { termMonths: number; priceSom: number };
  paymentDay: CalendarDate;
  claimant: ClaimantRelation;
  /** the current holder's coverage: they must have been insured elsewhere when the policy was bought */
  holderCoverage: CoverageInput;
  reissueDay: CalendarDate;
  newHolder: PurchasePerson & { coverage: CoverageInput };
  tariffs: readonly TariffRow[];
};

export type ReissueDecision =
  | {
      ok: true;
      validFrom: CalendarDate;
      validTo: CalendarDate;
      termMonths: number;
      documents: RefundDocument[];
    }
  | { ok: false; refusals: RefundRefusal[]; newHolderRefusals: Refusal[] };

/**
 * cl. 34; SPEC §6: re-issue a policy bought for someone found to be insured to another, uninsured person. The new
 * holder must be able to buy the same term at the same price (their category's tariff on the original payment
 * day — interpretation, so nobody gets a 11910 som policy for 1840 som), and is covered from the re-issue day for
 * the full term. The old holder's policy becomes REISSUED and covers them no longer.
 */
export function checkReissue(input: ReissueInput): ReissueDecision {
  const { policy, newHolder, reissueDay } = input;
  const refusals: RefundRefusal[] = [];
  const newHolderRefusals: Refusal[] = [];

  if (policy.status !== "ISSUED") refusals.push(refundRefusal("POLICY_NOT_ISSUED"));
  if (!canRequestReissue(input.claimant)) refusals.push(refundRefusal("CLAIMANT_NOT_ENTITLED"));
  if (!wasInsuredElsewhereWhenBought(input.holderCoverage, policy, input.paymentDay)) {
    refusals.push(refundRefusal("NOT_INSURED_ELSEWHERE"));
  }

  const eligibility = checkPurchaseEligibility({
    category: newHolder.category,
    birthDate: newHolder.birthDate,
    sex: newHolder.sex,
    hasIdentityDocument: newHolder.hasIdentityDocument,
    on: reissueDay,
    coverage: newHolder.coverage,
    tariffs: input.tariffs,
    termMonths: policy.termMonths,
  });
  if (!eligibility.ok) newHolderRefusals.push(...eligibility.refusals);
  // cl. 34: "на другое незастрахованное лицо" — a running policy of their own makes them insured.
  else if (insuredStatusOn(newHolder.coverage, reissueDay).insured) newHolderRefusals.push(refusal("ALREADY_INSURED"));
  if (newHolderRefusals.length > 0) refusals.push(refundRefusal("NEW_HOLDER_NOT_ELIGIBLE"));

  const price = quotePrice(input.tariffs, newHolder.category, policy.termMonths, input.paymentDay);
  if (!price.ok || price.priceSom !== policy.priceSom) refusals.push(refundRefusal("REISSUE_PRICE_MISMATCH"));

  if (refusals.length > 0) return { ok: false, refusals, newHolderRefusals };
  return {
    ok: true,
    ...reissuePeriod(reissueDay, policy.termMonths),
    termMonths: policy.termMonths,
    documents: reissueDocuments(),
  };
}
