// From which day to which day a policy covers its holder (cl. 5, 26; SPEC §3, §6). Both ends are inclusive.

import { addDays, addMonthsClamped, compareDates, maxDate, type CalendarDate } from "./dates";

export type PolicyPeriod = { validFrom: CalendarDate; validTo: CalendarDate };

/** cl. 5; appendix, every algorithm: the policy takes effect 5 calendar days after the day of payment. */
export const EFFECTIVE_DELAY_DAYS = 5;

/** cl. 4.1: the pregnancy policy (and every 12-month category) runs 12 calendar months. */
export const PREGNANCY_TERM_MONTHS = 12;

/** cl. 5: paid on 10 March → effective (and insured) from 15 March. */
export function effectiveDay(paymentDay: CalendarDate): CalendarDate {
  return addDays(paymentDay, EFFECTIVE_DELAY_DAYS);
}

/**
 * SPEC §3: the term in calendar months from the effective day, counted as the civil code counts a term in months:
 * the term runs from the day before the effective day and ends on the corresponding day N months later, or on that
 * month's last day when it has no such day — validTo = (effective − 1 day) + N months, clamped:
 * 15 Mar 2024 + 12 → through 14 Mar 2025; 31 Aug 2024 + 6 → (30 Aug + 6 → 30 Feb) → through 28 Feb 2025;
 * 29 Feb 2024 + 12 → through 28 Feb 2025; 1 Mar 2024 + 12 → (29 Feb 2024 + 12) → through 28 Feb 2025.
 * README, interpretation I5 (corrected: an earlier version clamped first and subtracted a day after, which gave
 * 27 Feb 2025 for 31 Aug 2024).
 */
export function validThrough(effective: CalendarDate, termMonths: number): CalendarDate {
  if (!Number.isSafeInteger(termMonths) || termMonths < 1) {
    throw new RangeError(`A term is a positive whole number of months, got ${termMonths}`);
  }
  return addMonthsClamped(addDays(effective, -1), termMonths);
}

/**
 * cl. 5 + SPEC §3 (renewal interpretation): a paid policy starts on payment day + 5, or — when the holder's own
 * policy is still running — on the day after it ends, whichever is later, so the two never overlap.
 */
export function policyPeriodForPayment(
  paymentDay: CalendarDate,
  termMonths: number,
  currentPolicyEnd: CalendarDate | null,
): PolicyPeriod {
  const earliest = effectiveDay(paymentDay);
  const validFrom = currentPolicyEnd === null ? earliest : maxDate(earliest, addDays(currentPolicyEnd, 1));
  return { validFrom, validTo: validThrough(validFrom, termMonths) };
}

/** cl. 26: the pregnancy policy is valid from the day of registration, with no 5-day delay, for 12 months. */
export function pregnancyPolicyPeriod(registrationDay: CalendarDate): PolicyPeriod {
  return { validFrom: registrationDay, validTo: validThrough(registrationDay, PREGNANCY_TERM_MONTHS) };
}

/**
 * cl. 11 (interpretation): the EAEU child's policy is free, so cl. 5's "5 days from the day of payment" has no
 * payment to count from; like the other free policy (cl. 26) it is valid from the day the ТУ issues it — or the
 * day after the child's running policy ends.
 */
export function freePolicyPeriod(
  issueDay: CalendarDate,
  termMonths: number,
  currentPolicyEnd: CalendarDate | null,
): PolicyPeriod {
  const validFrom =
    currentPolicyEnd !== null && compareDates(currentPolicyEnd, issueDay) >= 0
      ? addDays(currentPolicyEnd, 1)
      : issueDay;
  return { validFrom, validTo: validThrough(validFrom, termMonths) };
}

/** cl. 34 + SPEC §6 (interpretation): the new holder's policy is valid from the re-issue day for the full term. */
export function reissuePeriod(reissueDay: CalendarDate, termMonths: number): PolicyPeriod {
  return { validFrom: reissueDay, validTo: validThrough(reissueDay, termMonths) };
}
