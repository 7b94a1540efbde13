import { addDays, compareDates, daysBetween, type CalendarDate } from "./dates";
import type { PolicyStatus } from "./categories";

// The paper policy's hand-over and the issuance journal (cl. 15–16).

/**
 * Interpretation I35: a paper policy is "not collected" when it was made more than this many calendar days ago and
 * nobody has taken it. The order sets a day to make it (cl. 15: within one working day) but none for collecting it;
 * after 30 days the office contacts the holder. Change it here.
 */
export const NOT_COLLECTED_AFTER_DAYS = 30;

/** Where a policy stands in the office's journal (cl. 16): made, handed over, or waiting too long. */
export const HANDOVER_STATUSES = ["MADE", "HANDED_OVER", "NOT_COLLECTED"] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export function isHandoverStatus(s: unknown): s is HandoverStatus {
  return typeof s === "string" && (HANDOVER_STATUSES as readonly string[]).includes(s);
}

/** cl. 16, I35: handed over if the journal has its line; otherwise made, or not collected after the waiting days. */
export function handoverStatus(
  madeOn: CalendarDate,
  handedOn: CalendarDate | null,
  today: CalendarDate,
): HandoverStatus {
  if (handedOn) return "HANDED_OVER";
  return daysBetween(madeOn, today) > NOT_COLLECTED_AFTER_DAYS ? "NOT_COLLECTED" : "MADE";
}

/** I35 as a query bound: a policy made on or before this day and not handed over is "not collected" today. */
export function lastDayStillMade(today: CalendarDate): CalendarDate {
  return addDays(today, -NOT_COLLECTED_AFTER_DAYS);
}

export type HandoverRefusal = "NOT_ISSUED" | "ALREADY_HANDED_OVER" | "IN_FUTURE" | "BEFORE_MADE";

export type HandoverInput = {
  policyStatus: PolicyStatus;
  madeOn: CalendarDate;
  handedOn: CalendarDate;
  today: CalendarDate;
  alreadyHandedOver: boolean;
};

/**
 * May this hand-over be written to the journal (cl. 16)? Only an issued policy (a refunded or re-issued one covers
 * nobody, cl. 32–34), once, on a day that has come and not before the policy was made. Every refusal that applies.
 */
export function checkHandover(i: HandoverInput): HandoverRefusal[] {
  const refusals: HandoverRefusal[] = [];
  if (i.policyStatus !== "ISSUED") refusals.push("NOT_ISSUED");
  if (i.alreadyHandedOver) refusals.push("ALREADY_HANDED_OVER");
  if (compareDates(i.handedOn, i.today) > 0) refusals.push("IN_FUTURE");
  if (compareDates(i.handedOn, i.madeOn) < 0) refusals.push("BEFORE_MADE");
  return refusals;
}

export type PolicyValidity = "VALID" | "NOT_YET" | "EXPIRED" | "ENDED";

/**
 * What the public verification page says about one policy on a day (issue 12; cl. 8: insured status counts on the
 * day of the visit): valid, not yet in force (the 5-day delay, cl. 5), expired, or ended — refunded or re-issued
 * (cl. 32–34) or never paid — which covers nobody whatever its dates.
 */
export function policyValidityOn(
  policy: { status: PolicyStatus; validFrom: CalendarDate | null; validTo: CalendarDate | null },
  today: CalendarDate,
): PolicyValidity {
  if (policy.status !== "ISSUED" || !policy.validFrom || !policy.validTo) return "ENDED";
  if (compareDates(today, policy.validFrom) < 0) return "NOT_YET";
  if (compareDates(today, policy.validTo) > 0) return "EXPIRED";
  return "VALID";
}
