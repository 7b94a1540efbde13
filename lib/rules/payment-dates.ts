import { bishkekDate, daysBetween, type CalendarDate } from "./dates";

// Issue 11, hole 4 — back-dated money (interpretation I33, lib/rules/README.md). The order counts a policy from "the
// day of payment" (cl. 5) but says nothing of a payment reported days after it was made; a channel that may date a
// payment freely could buy coverage backwards, after someone fell ill. So: a payment dated in the future (beyond a
// few minutes of clock difference) is not a payment; one dated more than the window before it reached us counts from
// the day it reached us and is flagged for reconciliation; a cash-desk receipt or registry row older than the window
// waits for a second person's approval (four eyes).

/** Clock difference between a channel and us that is not "the future": 5 minutes (issue 11). */
export const PAYMENT_DATE_FUTURE_SKEW_MS = 5 * 60_000;
/** Days a payment may be dated before it reached us and still count from its own day (PAYMENT_DATE_WINDOW_DAYS). */
export const PAYMENT_DATE_WINDOW_DAYS_DEFAULT = 3;

export type PaymentDateDecision =
  | { ok: false; code: "PAYMENT_DATE_IN_FUTURE" }
  | {
      ok: true;
      /** the Bishkek day the payment is dated */
      paymentDay: CalendarDate;
      /** the Bishkek day it reached us */
      receivedDay: CalendarDate;
      /** dated more than the window before it reached us: flagged, and a staff registration needs four eyes */
      lateDated: boolean;
      /** the instant its policy counts from (cl. 5's "day of payment"): the payment's own, or when it reached us */
      countsFrom: Date;
    };

/**
 * How a payment's date counts (issue 11, hole 4; interpretation I33). `paidAt` is the instant the channel says the
 * person paid, `receivedAt` the instant it reached us (the terminal's request, the receipt brought to the ТУ, the
 * registry row uploaded). Days are Bishkek days (SPEC §3): 3 days' window means paid 10 March, received 13 March still
 * counts from 10 March; received 14 March counts from 14 March.
 */
export function decidePaymentDate(input: { paidAt: Date; receivedAt: Date; windowDays?: number }): PaymentDateDecision {
  const windowDays = input.windowDays ?? PAYMENT_DATE_WINDOW_DAYS_DEFAULT;
  if (!Number.isInteger(windowDays) || windowDays < 0) throw new RangeError("Window days must be a whole number ≥ 0");
  if (input.paidAt.getTime() > input.receivedAt.getTime() + PAYMENT_DATE_FUTURE_SKEW_MS)
    return { ok: false, code: "PAYMENT_DATE_IN_FUTURE" };
  const paymentDay = bishkekDate(input.paidAt);
  const receivedDay = bishkekDate(input.receivedAt);
  const lateDated = daysBetween(paymentDay, receivedDay) > windowDays;
  return { ok: true, paymentDay, receivedDay, lateDated, countsFrom: lateDated ? input.receivedAt : input.paidAt };
}

/** PAYMENT_DATE_WINDOW_DAYS as a number of days: unset, empty or not a whole number ≥ 0 → the default (3). */
export function paymentDateWindowDays(raw: string | undefined): number {
  const n = Number(raw?.trim() || NaN);
  return Number.isInteger(n) && n >= 0 ? n : PAYMENT_DATE_WINDOW_DAYS_DEFAULT;
}
