// The single entry point for a sale — online shop, terminals, ТУ cash receipts, contracts (cl. 5, 9, 12.2, 17–21;
// SPEC §3): who, what price, from which day to which day, all decided by the payment instant's Bishkek day.

import { isFreeCategory, type Category, type Sex } from "./categories";
import type { CoverageInput } from "./coverage";
import { bishkekDate, type CalendarDate } from "./dates";
import { checkPurchaseEligibility } from "./eligibility";
import { freePolicyPeriod, policyPeriodForPayment } from "./policy-period";
import { refusal, type Refusal } from "./refusals";
import { studentInstalments, studentPolicyPeriods, type StudentInstalmentAmounts } from "./student-instalments";
import type { LegalBasis, TariffRow } from "./tariffs";

export type PurchasePerson = {
  category: Category;
  /** null: a foreigner registered from a terminal's document number, to be completed (README, I23) */
  birthDate: CalendarDate | null;
  sex: Sex | null;
  hasIdentityDocument: boolean;
};

export type PlanPurchaseInput = {
  person: PurchasePerson;
  termMonths: number;
  /** the payment instant (for EAEU_CHILD, which is free: the instant the ТУ issues the policy) */
  paidAt: Date;
  coverage: CoverageInput;
  tariffs: readonly TariffRow[];
  /** cl. 4 note: a foreign student pays the first of two instalments now */
  payInInstalments?: boolean;
};

export type InstalmentPlan = StudentInstalmentAmounts & {
  /** the last day the second instalment is accepted */
  secondInstalmentDueBy: CalendarDate;
  /** validTo once the second instalment is paid */
  fullValidTo: CalendarDate;
};

export type PurchasePlan =
  | {
      ok: true;
      category: Category;
      /** the amount to pay now, whole som (the first instalment when paying in instalments; 0 for EAEU_CHILD) */
      priceSom: number;
      termMonths: number;
      paymentDay: CalendarDate;
      validFrom: CalendarDate;
      validTo: CalendarDate;
      /** null for a category that is free by law */
      tariff: TariffRow | null;
      basis: LegalBasis;
      isFree: boolean;
      isRenewal: boolean;
      instalments: InstalmentPlan | null;
    }
  | { ok: false; paymentDay: CalendarDate; refusals: Refusal[] };

/**
 * cl. 5, 9, 12.2, 19; SPEC §3: check the person on the payment day, price the term by the tariff in force that day,
 * and date the policy: payment + 5 days, or the day after the running policy ends (renewal).
 */
export function planPurchase(input: PlanPurchaseInput): PurchasePlan {
  const { person, termMonths, coverage, tariffs } = input;
  const paymentDay = bishkekDate(input.paidAt);
  const eligibility = checkPurchaseEligibility({ ...person, on: paymentDay, coverage, tariffs, termMonths });
  if (!eligibility.ok) return { ok: false, paymentDay, refusals: eligibility.refusals };
  // A term is always given here, so an eligible answer always carries its quote.
  const quote = eligibility.quote;
  if (quote === null) return { ok: false, paymentDay, refusals: [refusal("TERM_NOT_ALLOWED")] };
  const common = {
    ok: true as const,
    category: person.category,
    termMonths,
    paymentDay,
    tariff: quote.tariff,
    basis: quote.basis,
    isFree: eligibility.isFree,
    isRenewal: eligibility.isRenewal,
  };

  if (input.payInInstalments === true) {
    // cl. 4 note: only foreign students may split the payment.
    const split = studentInstalments(tariffs, person.category, paymentDay);
    if (!split.ok) return { ok: false, paymentDay, refusals: [refusal("INSTALMENTS_NOT_ALLOWED")] };
    const periods = studentPolicyPeriods(paymentDay, eligibility.currentPolicyEnd);
    return {
      ...common,
      priceSom: split.firstSom,
      validFrom: periods.validFrom,
      validTo: periods.firstStageValidTo,
      instalments: {
        totalSom: split.totalSom,
        firstSom: split.firstSom,
        secondSom: split.secondSom,
        secondInstalmentDueBy: periods.secondInstalmentDueBy,
        fullValidTo: periods.fullValidTo,
      },
    };
  }

  const period = isFreeCategory(person.category)
    ? freePolicyPeriod(paymentDay, termMonths, eligibility.currentPolicyEnd)
    : policyPeriodForPayment(paymentDay, termMonths, eligibility.currentPolicyEnd);
  return { ...common, priceSom: quote.priceSom, ...period, instalments: null };
}
