// Foreign students may pay for the policy in two stages (cl. 4 note). The order says no more; SPEC §2 interprets:
// two equal instalments; the first makes the policy effective for 6 months (with the 5-day delay); the second,
// paid before those 6 months end, extends it to 12 months from the same start; unpaid, the policy ends after 6.

import { isStudentCategory, type Category } from "./categories";
import { bishkekDate, compareDates, type CalendarDate } from "./dates";
import { policyPeriodForPayment, validThrough } from "./policy-period";
import { refusal, type Refusal } from "./refusals";
import { quotePrice, type LegalBasis, type TariffRow } from "./tariffs";

/** cl. 4, 7: students buy 12 months. */
export const STUDENT_TERM_MONTHS = 12;
/** SPEC §2 (interpretation): the first instalment covers the first 6 of those months. */
export const STUDENT_FIRST_STAGE_MONTHS = 6;

export type StudentInstalmentAmounts = { totalSom: number; firstSom: number; secondSom: number };

/**
 * SPEC §2 (interpretation): two equal halves; an odd total puts the extra som in the first instalment, so the two
 * always add up to the price exactly (11910 → 5955 + 5955; 1840 → 920 + 920).
 */
export function splitStudentPrice(totalSom: number): StudentInstalmentAmounts {
  if (!Number.isSafeInteger(totalSom) || totalSom <= 0) throw new RangeError(`A price is a positive whole som, got ${totalSom}`);
  const firstSom = Math.ceil(totalSom / 2);
  return { totalSom, firstSom, secondSom: totalSom - firstSom };
}

export type StudentInstalmentQuote =
  | ({ ok: true; tariff: TariffRow | null; basis: LegalBasis } & StudentInstalmentAmounts)
  | { ok: false; reason: "INSTALMENTS_NOT_ALLOWED" | "NO_TARIFF" | "TERM_NOT_ALLOWED" };

/**
 * cl. 4 note: the instalments of a student's 12-month policy, priced by the tariff in force on the first payment
 * day (interpretation: both halves are one purchase, so a later price change does not touch the second half).
 */
export function studentInstalments(rows: readonly TariffRow[], category: Category, on: CalendarDate): StudentInstalmentQuote {
  if (!isStudentCategory(category)) return { ok: false, reason: "INSTALMENTS_NOT_ALLOWED" };
  const quote = quotePrice(rows, category, STUDENT_TERM_MONTHS, on);
  if (!quote.ok) return quote;
  return { ok: true, tariff: quote.tariff, basis: quote.basis, ...splitStudentPrice(quote.priceSom) };
}

export type StudentPolicyPeriods = {
  validFrom: CalendarDate;
  /** the end while only the first instalment is paid */
  firstStageValidTo: CalendarDate;
  /** the end once both are paid: 12 months from the same start */
  fullValidTo: CalendarDate;
  /** the last day the second instalment is accepted: the last day of the first stage */
  secondInstalmentDueBy: CalendarDate;
};

/** SPEC §2 + §3: the first instalment's day sets the start (payment + 5, or after the running policy ends). */
export function studentPolicyPeriods(firstPaymentDay: CalendarDate, currentPolicyEnd: CalendarDate | null): StudentPolicyPeriods {
  const { validFrom, validTo } = policyPeriodForPayment(firstPaymentDay, STUDENT_FIRST_STAGE_MONTHS, currentPolicyEnd);
  return {
    validFrom,
    firstStageValidTo: validTo,
    fullValidTo: validThrough(validFrom, STUDENT_TERM_MONTHS),
    secondInstalmentDueBy: validTo,
  };
}

export type SecondInstalmentInput = {
  /** the student's policy as it stands after the first instalment */
  policy: { validFrom: CalendarDate; validTo: CalendarDate; priceSom: number; paidSom: number };
  paidAt: Date;
};

export type SecondInstalmentPlan =
  | { ok: true; amountSom: number; paymentDay: CalendarDate; validFrom: CalendarDate; validTo: CalendarDate }
  | { ok: false; paymentDay: CalendarDate; refusals: Refusal[] };

/**
 * SPEC §2 (interpretation): the second instalment, paid on or before the last day of the first 6 months, extends
 * the same policy to 12 months from its start, at once (the policy is already running, so no new 5-day delay).
 * Later, the policy has ended after 6 months and the student buys a new one.
 */
export function planSecondInstalment(input: SecondInstalmentInput): SecondInstalmentPlan {
  const { policy } = input;
  const paymentDay = bishkekDate(input.paidAt);
  const refusals: Refusal[] = [];
  if (policy.paidSom >= policy.priceSom) refusals.push(refusal("ALREADY_PAID_IN_FULL"));
  else if (compareDates(paymentDay, policy.validTo) > 0) refusals.push(refusal("SECOND_INSTALMENT_TOO_LATE"));
  if (refusals.length > 0) return { ok: false, paymentDay, refusals };
  return {
    ok: true,
    amountSom: policy.priceSom - policy.paidSom,
    paymentDay,
    validFrom: policy.validFrom,
    validTo: validThrough(policy.validFrom, STUDENT_TERM_MONTHS),
  };
}
