import { insuredStatusOn, type CoverageInput } from "./coverage";
import { addDays, compareDates, daysBetween, type CalendarDate } from "./dates";
import { checkPregnancyEligibility, type PregnancyEligibilityInput } from "./eligibility";
import { pregnancyPolicyPeriod, PREGNANCY_TERM_MONTHS, type PolicyPeriod } from "./policy-period";
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

export type FollowOnInput = {
  /** the day the woman was registered */
  registrationDay: CalendarDate;
  /** the day the doctor asks (Asia/Bishkek) */
  today: CalendarDate;
  /** her coverage as it stands today (a policy she bought since registration counts) */
  coverage: CoverageInput;
};

export type FollowOnDecision =
  /** the free policy of cl. 26 that follows her running coverage: from the day after it ends (never back-dated) */
  | ({ kind: "ISSUE_POLICY"; priceSom: 0; termMonths: number } & PolicyPeriod)
  /** her coverage runs through the pregnancy: nothing to follow (yet) */
  | { kind: "NOT_NEEDED"; insuredUntil: CalendarDate }
  /** more than a pregnancy (I31) has passed since registration */
  | { kind: "PREGNANCY_OVER" };

/** The last day of the unbroken coverage that includes `from`, or null when she is not insured on `from`. */
function coveredThrough(coverage: CoverageInput, from: CalendarDate): CalendarDate | null {
  let end: CalendarDate | null = null;
  let day = from;
  for (;;) {
    const period = insuredStatusOn(coverage, day).coverage;
    if (!period) return end;
    end = period.validTo;
    day = addDays(period.validTo, 1);
  }
}

/**
 * cl. 24–26 with interpretation I32: a woman registered while insured gets no policy then; when that coverage ends
 * during the pregnancy (I31), the free 12-month policy follows it — from the day after her unbroken coverage ends,
 * or from today when that day has passed already (coverage is never granted backwards).
 */
export function decideFollowOnPolicy(input: FollowOnInput): FollowOnDecision {
  const pregnancyEnd = addDays(input.registrationDay, PREGNANCY_MAX_DAYS);
  if (compareDates(input.today, pregnancyEnd) > 0) return { kind: "PREGNANCY_OVER" };
  const through = coveredThrough(input.coverage, input.today);
  if (through !== null && compareDates(through, pregnancyEnd) >= 0)
    return { kind: "NOT_NEEDED", insuredUntil: through };
  const validFrom = through === null ? input.today : addDays(through, 1);
  return { kind: "ISSUE_POLICY", priceSom: 0, termMonths: PREGNANCY_TERM_MONTHS, ...pregnancyPolicyPeriod(validFrom) };
}
