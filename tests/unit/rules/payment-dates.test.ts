import { describe, expect, it } from "vitest";
import { decidePaymentDate, paymentDateWindowDays } from "@/lib/rules";

// Issue 11, hole 4 (interpretation I33): back-dated money. Instants are UTC; days are Bishkek days (UTC+6, SPEC §3).
describe("hole 4: payment dates — the future refused, late ones count from the day they reached us (I33)", () => {
  it.each([
    {
      why: "paid and received the same day",
      paidAt: "2024-03-10T06:00:00Z",
      receivedAt: "2024-03-10T06:01:00Z",
      late: false,
      countsFrom: "2024-03-10T06:00:00Z",
    },
    {
      why: "3 days before it reached us: still its own day",
      paidAt: "2024-03-10T06:00:00Z",
      receivedAt: "2024-03-13T17:59:00Z",
      late: false,
      countsFrom: "2024-03-10T06:00:00Z",
    },
    {
      why: "4 days before: counts from the day it reached us, flagged",
      paidAt: "2024-03-10T06:00:00Z",
      receivedAt: "2024-03-14T06:00:00Z",
      late: true,
      countsFrom: "2024-03-14T06:00:00Z",
    },
    {
      why: "Bishkek days: 23:30 on 10 March (17:30 UTC) received at 00:10 on 14 March (18:10 UTC 13 March) is 4 days",
      paidAt: "2024-03-10T17:30:00Z",
      receivedAt: "2024-03-13T18:10:00Z",
      late: true,
      countsFrom: "2024-03-13T18:10:00Z",
    },
    {
      why: "a year back: counts from the day it reached us",
      paidAt: "2023-03-10T06:00:00Z",
      receivedAt: "2024-03-10T06:00:00Z",
      late: true,
      countsFrom: "2024-03-10T06:00:00Z",
    },
    {
      why: "4 minutes ahead of our clock is clock difference, not the future",
      paidAt: "2024-03-10T06:04:00Z",
      receivedAt: "2024-03-10T06:00:00Z",
      late: false,
      countsFrom: "2024-03-10T06:04:00Z",
    },
  ])("issue 11: $why", ({ paidAt, receivedAt, late, countsFrom }) => {
    const d = decidePaymentDate({ paidAt: new Date(paidAt), receivedAt: new Date(receivedAt) });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.lateDated).toBe(late);
    expect(d.countsFrom.toISOString()).toBe(new Date(countsFrom).toISOString());
  });

  it.each([
    { why: "5 minutes and 1 second ahead", paidAt: "2024-03-10T06:05:01Z" },
    { why: "next week", paidAt: "2024-03-17T06:00:00Z" },
  ])("issue 11: a payment dated in the future is refused ($why)", ({ paidAt }) => {
    expect(decidePaymentDate({ paidAt: new Date(paidAt), receivedAt: new Date("2024-03-10T06:00:00Z") })).toEqual({
      ok: false,
      code: "PAYMENT_DATE_IN_FUTURE",
    });
  });

  it.each([
    { windowDays: 0, receivedAt: "2024-03-11T06:00:00Z", late: true },
    { windowDays: 0, receivedAt: "2024-03-10T17:00:00Z", late: false },
    { windowDays: 7, receivedAt: "2024-03-17T06:00:00Z", late: false },
    { windowDays: 7, receivedAt: "2024-03-18T06:00:00Z", late: true },
  ])("issue 11: window of $windowDays days, received $receivedAt → late $late", ({ windowDays, receivedAt, late }) => {
    const d = decidePaymentDate({
      paidAt: new Date("2024-03-10T06:00:00Z"),
      receivedAt: new Date(receivedAt),
      windowDays,
    });
    expect(d.ok && d.lateDated).toBe(late);
  });

  it.each([-1, 1.5, Number.NaN])("a window of %s days is a programming error", (windowDays) => {
    expect(() => decidePaymentDate({ paidAt: new Date(), receivedAt: new Date(), windowDays })).toThrow(RangeError);
  });

  it.each([
    { raw: undefined, days: 3 },
    { raw: "", days: 3 },
    { raw: "7", days: 7 },
    { raw: " 0 ", days: 0 },
    { raw: "-1", days: 3 },
    { raw: "2.5", days: 3 },
    { raw: "abc", days: 3 },
  ])("PAYMENT_DATE_WINDOW_DAYS=$raw → $days days", ({ raw, days }) => {
    expect(paymentDateWindowDays(raw)).toBe(days);
  });
});
