// Foreign students may pay for the policy in two stages (cl. 4 note). The order says no more; SPEC §2 interprets:
// two equal instalments; the first makes the policy effective for 6 months (with the 5-day delay); the second,
// paid before those 6 months end, extends it to 12 months from the same start; unpaid, the policy ends after 6.

import { isStudentCategory, type Category } from "./categories";
import { bishkekDate, compareDates, type CalendarDate } from "./dates";
import { policyPeriodForPayment, validThrough } from "./policy-period";
import { refusal, type Refusal, type RefusalCode } from "./refusals";
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
  if (!Number.isSafeInteger(totalSom) || totalSom <= 0)
    throw new RangeError(`A price is a positive whole som, got ${totalSom}`);
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
export function studentInstalments(
  rows: readonly TariffRow[],
  category: Category,
  on: CalendarDate,
): StudentInstalmentQuote {
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
export function studentPolicyPeriods(
  firstPaymentDay: CalendarDate,
  currentPolicyEnd: CalendarDate | null,
): StudentPolicyPeriods {
  const { validFrom, validTo } = policyPeriodForPayment(firstPaymentDay, STUDENT_FIRST_STAGE_MONTHS, currentPolicyEnd);
  return {
    validFrom,
    firstStageValidTo: validTo,
    fullValidTo: validThrough(validFrom, STUDENT_TERM_MONTHS),
    secondInstalmentDueBy: validTo,
  };
}

/**
 * SPEC §2: the last day of the first stage of a student policy that starts on `validFrom` — 6 months from that day
 * (SPEC §3 counting). The second instalment is accepted up to and including this day.
 */
export function studentFirstStageEnd(validFrom: CalendarDate): CalendarDate {
  return validThrough(validFrom, STUDENT_FIRST_STAGE_MONTHS);
}

export type SecondInstalmentInput = {
  /**
   * the student's policy as it stands after the first instalment: its start, its current end, the total price of
   * both instalments (by the tariff on the first payment day) and what has been paid so far
   */
  policy: { validFrom: CalendarDate; validTo: CalendarDate; priceSom: number; paidSom: number };
  paidAt: Date;
};

export type SecondInstalmentPlan =
  | { ok: true; amountSom: number; paymentDay: CalendarDate; validFrom: CalendarDate; validTo: CalendarDate }
  | { ok: false; paymentDay: CalendarDate; refusals: Refusal[] };

/**
 * SPEC §2 (interpretation): the second instalment, paid on or before the last day of the first 6 months (counted
 * from the policy's start, whatever `validTo` says), extends the same policy to 12 months from its start, at once
 * (the policy is already running, so no new 5-day delay). Later, the policy has ended after 6 months and the
 * student buys a new one. Refused: nothing paid yet (SECOND_INSTALMENT_WITHOUT_FIRST), already paid in full
 * (ALREADY_PAID_IN_FULL), too late (SECOND_INSTALMENT_TOO_LATE). `amountSom` is what remains to be paid.
 */
export function planSecondInstalment(input: SecondInstalmentInput): SecondInstalmentPlan {
  const { policy } = input;
  const paymentDay = bishkekDate(input.paidAt);
  const refusals: Refusal[] = [];
  if (policy.paidSom <= 0) refusals.push(refusal("SECOND_INSTALMENT_WITHOUT_FIRST"));
  else if (policy.paidSom >= policy.priceSom) refusals.push(refusal("ALREADY_PAID_IN_FULL"));
  else if (compareDates(paymentDay, studentFirstStageEnd(policy.validFrom)) > 0)
    refusals.push(refusal("SECOND_INSTALMENT_TOO_LATE"));
  if (refusals.length > 0) return { ok: false, paymentDay, refusals };
  return {
    ok: true,
    amountSom: policy.priceSom - policy.paidSom,
    paymentDay,
    validFrom: policy.validFrom,
    validTo: validThrough(policy.validFrom, STUDENT_TERM_MONTHS),
  };
}

/** What a student's payment is: the whole 12-month price, the first half, or the second half of a started policy. */
export const STUDENT_PAYMENT_STAGES = ["FULL", "FIRST_INSTALMENT", "SECOND_INSTALMENT"] as const;
export type StudentPaymentStage = (typeof STUDENT_PAYMENT_STAGES)[number];

/**
 * The person's student policy paid in part: the first instalment is paid, the second is not (ISSUED, paidSom less
 * than priceSom). The caller passes the latest such policy of the beneficiary, or null.
 */
export type UnfinishedStudentPolicy = {
  validFrom: CalendarDate;
  validTo: CalendarDate;
  /** both instalments together, by the tariff on the first payment day */
  priceSom: number;
  paidSom: number;
};

export type ClassifyStudentPaymentInput = {
  /** the beneficiary's category: FOREIGN_STUDENT or FOREIGN_STUDENT_AGREEMENT (studentCategoryForState decides) */
  category: Category;
  /** the sum received, whole som */
  amountSom: number;
  /** the payment instant; its Asia/Bishkek day prices the payment */
  paidAt: Date;
  tariffs: readonly TariffRow[];
  unfinishedPolicy: UnfinishedStudentPolicy | null;
  /**
   * what the payer chose, when the channel asks (portal, ТУ cash desk). Terminals send only a sum: omit it and the
   * sum decides (README, interpretation I2).
   */
  declaredStage?: StudentPaymentStage;
};

export type StudentPaymentClassification =
  | {
      ok: true;
      /** the whole price: sell the 12-month policy (planPurchase, payInInstalments false) */
      stage: "FULL";
      paymentDay: CalendarDate;
      amountSom: number;
      totalSom: number;
      tariff: TariffRow | null;
      basis: LegalBasis;
    }
  | {
      ok: true;
      /** the first half: sell the policy for its first 6 months (planPurchase, payInInstalments true) */
      stage: "FIRST_INSTALMENT";
      paymentDay: CalendarDate;
      amountSom: number;
      totalSom: number;
      secondSom: number;
      tariff: TariffRow | null;
      basis: LegalBasis;
    }
  | {
      ok: true;
      /** the second half: extend unfinishedPolicy to validTo and add amountSom to what it has been paid */
      stage: "SECOND_INSTALMENT";
      paymentDay: CalendarDate;
      amountSom: number;
      validFrom: CalendarDate;
      validTo: CalendarDate;
    }
  | {
      ok: false;
      paymentDay: CalendarDate;
      refusals: Refusal[];
      /** the sums this person could pay on that day (for the message), ascending; [] when none */
      acceptedSums: number[];
    };

function isUnfinished(p: UnfinishedStudentPolicy | null): p is UnfinishedStudentPolicy {
  return p !== null && p.paidSom > 0 && p.paidSom < p.priceSom;
}

/**
 * cl. 4 note, cost 1.1, 1.3; SPEC §2 — for a payment channel: is this student's payment the full sum, a first half,
 * or the second half of this person's unfinished student policy? Amounts come from the tariff in force on the
 * payment day (the second half: what remains of the price fixed on the first payment day). Refused: not a student
 * (INSTALMENTS_NOT_ALLOWED); no tariff (NO_TARIFF); a second half with no first paid (SECOND_INSTALMENT_WITHOUT_FIRST)
 * or for a policy paid in full (ALREADY_PAID_IN_FULL); a second half after the first 6 months ended
 * (SECOND_INSTALMENT_TOO_LATE); a sum that is none of these (STUDENT_PAYMENT_WRONG_AMOUNT).
 *
 * Without a declared stage (terminals): the full price is FULL; with an unfinished policy, the remaining sum is its
 * second half while the first 6 months run, and is refused as too late until the 12 months from its start would
 * have ended (the payer most likely meant the second half: the money goes back rather than buying something else);
 * otherwise the first half is FIRST_INSTALMENT.
 */
export function classifyStudentPayment(input: ClassifyStudentPaymentInput): StudentPaymentClassification {
  const paymentDay = bishkekDate(input.paidAt);
  const { amountSom } = input;
  const refuseWith = (refusals: Refusal[], sums: number[]): StudentPaymentClassification => ({
    ok: false,
    paymentDay,
    refusals,
    acceptedSums: [...new Set(sums)].sort((a, b) => a - b),
  });
  const refuse = (code: RefusalCode, sums: number[] = []) => refuseWith([refusal(code)], sums);
  if (!isStudentCategory(input.category)) return refuse("INSTALMENTS_NOT_ALLOWED");

  const open = isUnfinished(input.unfinishedPolicy) ? input.unfinishedPolicy : null;
  const remaining = open === null ? null : open.priceSom - open.paidSom;
  const inFirstStage = open !== null && compareDates(paymentDay, studentFirstStageEnd(open.validFrom)) <= 0;
  const beforeFullEnd =
    open !== null && compareDates(paymentDay, validThrough(open.validFrom, STUDENT_TERM_MONTHS)) <= 0;
  const quote = studentInstalments(input.tariffs, input.category, paymentDay);
  const newSums = quote.ok ? [quote.totalSom, quote.firstSom] : [];
  const acceptedSums = inFirstStage && remaining !== null ? [...newSums, remaining] : newSums;

  const second = (): StudentPaymentClassification => {
    const policy = input.unfinishedPolicy;
    if (policy === null) return refuse("SECOND_INSTALMENT_WITHOUT_FIRST", newSums);
    const plan = planSecondInstalment({ policy, paidAt: input.paidAt });
    if (!plan.ok) return refuseWith(plan.refusals, newSums);
    if (amountSom !== plan.amountSom) return refuse("STUDENT_PAYMENT_WRONG_AMOUNT", acceptedSums);
    return {
      ok: true,
      stage: "SECOND_INSTALMENT",
      paymentDay,
      amountSom,
      validFrom: plan.validFrom,
      validTo: plan.validTo,
    };
  };
  const full = (): StudentPaymentClassification => {
    if (!quote.ok) return refuse("NO_TARIFF");
    if (amountSom !== quote.totalSom) return refuse("STUDENT_PAYMENT_WRONG_AMOUNT", acceptedSums);
    return {
      ok: true,
      stage: "FULL",
      paymentDay,
      amountSom,
      totalSom: quote.totalSom,
      tariff: quote.tariff,
      basis: quote.basis,
    };
  };
  const first = (): StudentPaymentClassification => {
    if (!quote.ok) return refuse("NO_TARIFF");
    if (amountSom !== quote.firstSom) return refuse("STUDENT_PAYMENT_WRONG_AMOUNT", acceptedSums);
    return {
      ok: true,
      stage: "FIRST_INSTALMENT",
      paymentDay,
      amountSom,
      totalSom: quote.totalSom,
      secondSom: quote.secondSom,
      tariff: quote.tariff,
      basis: quote.basis,
    };
  };

  switch (input.declaredStage) {
    case "FULL":
      return full();
    case "FIRST_INSTALMENT":
      return first();
    case "SECOND_INSTALMENT":
      return second();
    case undefined:
      break;
  }
  if (quote.ok && amountSom === quote.totalSom) return full();
  if (open !== null && amountSom === remaining && beforeFullEnd) return second();
  if (quote.ok && amountSom === quote.firstSom) return first();
  // an odd total's smaller second half, with no first half paid
  if (quote.ok && open === null && amountSom === quote.secondSom)
    return refuse("SECOND_INSTALMENT_WITHOUT_FIRST", acceptedSums);
  if (!quote.ok && open === null) return refuse("NO_TARIFF");
  return refuse("STUDENT_PAYMENT_WRONG_AMOUNT", acceptedSums);
}
