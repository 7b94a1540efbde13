import { insuredStatusOn, type CoverageInput } from "./coverage";
import { addDays, compareDates, daysBetween, type CalendarDate } from "./dates";
import { checkPregnancyEligibility, type PregnancyEligibilityInput } from "./eligibility";
import type { PolicyPeriod } from "./policy-period";
import { refusal, REFUSAL_CODES, type Refusal, type RefusalCode } from "./refusals";

// A family doctor takes an uninsured woman onto the pregnancy register (cl. 24–28). This decides what the
// registration leads to; the data layer records it.

/** cl. 26: the code a registered woman is recorded with, «040 — Не работающая беременная женщина». */
export const PREGNANCY_REGISTRATION_CODE = "040";

/**
 * Interpretation I30: a registration is entered on the day of the visit or up to 30 calendar days after it (a doctor
 * catching up on paperwork), never for a future day — the policy runs from the registration day (cl. 26), so a
 * later back-dating would insure retroactively.
 */
export const PREGNANCY_REGISTRATION_MAX_DAYS_BACK = 30;

/**
 * Interpretation I31: a pregnancy lasts at most 280 days (40 weeks) after its registration. A running coverage that
 * ends before that is "ending during the pregnancy": the free policy follows it.
 */
export const PREGNANCY_MAX_DAYS = 280;

export type PregnancyRegistrationInput = Omit<PregnancyEligibilityInput, "registrationDay" | "coverage"> & {
  registrationDay: CalendarDate;
  /** the day the doctor enters it (Asia/Bishkek) */
  today: CalendarDate;
  coverage: CoverageInput;
};

export type PregnancyRegistrationDecision =
  /** uninsured and eligible: a free 12-month policy from the registration day, insured at once (cl. 4.1, 26) */
  | ({ kind: "ISSUE_POLICY"; priceSom: 0; termMonths: number } & PolicyPeriod)
  /**
   * insured already (a policy or another source): the registration is recorded, no policy now (cl. 24
   * "незастрахованным"). `followsOn` is the day after that coverage ends when it ends during the pregnancy — the day
   * the free policy can follow it — else null.
   */
  | {
      kind: "ALREADY_INSURED";
      insuredUntil: CalendarDate;
      source: "policy" | "external";
      followsOn: CalendarDate | null;
    }
  | { kind: "REFUSED"; refusals: Refusal[] };

const INSURED_CODES: readonly RefusalCode[] = ["ALREADY_INSURED", "INSURED_ELSEWHERE"];

function inScreenOrder(codes: RefusalCode[]): Refusal[] {
  return REFUSAL_CODES.filter((c) => codes.includes(c)).map(refusal);
}

/** cl. 24–28: what registering this woman on this day leads to. */
export function decidePregnancyRegistration(input: PregnancyRegistrationInput): PregnancyRegistrationDecision {
  const dateCodes: RefusalCode[] = [];
  if (compareDates(input.registrationDay, input.today) > 0) dateCodes.push("REGISTRATION_DATE_IN_FUTURE");
  else if (daysBetween(input.registrationDay, input.today) > PREGNANCY_REGISTRATION_MAX_DAYS_BACK) {
    dateCodes.push("REGISTRATION_DATE_TOO_OLD");
  }
  const eligibility = checkPregnancyEligibility(input);
  if (eligibility.ok && dateCodes.length === 0) {
    return {
      kind: "ISSUE_POLICY",
      priceSom: 0,
      termMonths: eligibility.termMonths,
      validFrom: eligibility.validFrom,
      validTo: eligibility.validTo,
    };
  }
  const refusalCodes = eligibility.ok ? [] : eligibility.refusals.map((r) => r.code);
  const blocking = [...dateCodes, ...refusalCodes.filter((c) => !INSURED_CODES.includes(c))];
  if (blocking.length > 0) return { kind: "REFUSED", refusals: inScreenOrder(blocking) };

  // Only "insured already" is left: record the registration, say until when, and whether a free policy follows.
  const coverage = insuredStatusOn(input.coverage, input.registrationDay).coverage!;
  const pregnancyEnd = addDays(input.registrationDay, PREGNANCY_MAX_DAYS);
  return {
    kind: "ALREADY_INSURED",
    insuredUntil: coverage.validTo,
    source: coverage.source,
    followsOn: compareDates(coverage.validTo, pregnancyEnd) < 0 ? addDays(coverage.validTo, 1) : null,
  };
}

/** Two registrations of one woman less than a pregnancy apart are the same pregnancy (interpretation I31). */
export function isSamePregnancy(earlier: CalendarDate, later: CalendarDate): boolean {
  return Math.abs(daysBetween(earlier, later)) <= PREGNANCY_MAX_DAYS;
}
