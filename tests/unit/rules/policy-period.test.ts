import { describe, expect, it } from "vitest";
import {
  effectiveDay,
  freePolicyPeriod,
  policyPeriodForPayment,
  pregnancyPolicyPeriod,
  reissuePeriod,
  validThrough,
} from "@/lib/rules";

describe("policy periods (cl. 5, 26, SPEC §3, §6)", () => {
  it.each([
    { clause: "cl. 5", paid: "2024-03-10", effective: "2024-03-15" },
    { clause: "cl. 5", paid: "2024-02-26", effective: "2024-03-02" },
    { clause: "cl. 5", paid: "2024-12-30", effective: "2025-01-04" },
  ])("$clause: paid $paid → effective $effective", ({ paid, effective }) => {
    expect(effectiveDay(paid)).toBe(effective);
  });

  it.each([
    { clause: "SPEC §3", from: "2024-03-15", term: 12, through: "2025-03-14", why: "the day before the same date" },
    { clause: "SPEC §3", from: "2024-03-15", term: 6, through: "2024-09-14", why: "6 months" },
    { clause: "SPEC §3", from: "2023-08-31", term: 6, through: "2024-02-29", why: "30 Aug + 6 → 29 Feb (leap)" },
    { clause: "SPEC §3", from: "2024-08-31", term: 6, through: "2025-02-28", why: "30 Aug + 6 → 28 Feb (common)" },
    { clause: "SPEC §3", from: "2024-03-01", term: 12, through: "2025-02-28", why: "first of month" },
    { clause: "SPEC §3", from: "2024-02-29", term: 12, through: "2025-02-28", why: "leap day start: 28 Feb + 12" },
    {
      clause: "SPEC §3",
      from: "2024-03-01",
      term: 6,
      through: "2024-08-29",
      why: "first of month after a leap February: 29 Feb + 6",
    },
    { clause: "SPEC §3", from: "2024-01-01", term: 12, through: "2024-12-31", why: "calendar year" },
  ])("$clause: effective $from + $term months → valid through $through ($why)", ({ from, term, through }) => {
    expect(validThrough(from, term)).toBe(through);
  });

  it.each([0, -6, 1.5, Number.NaN])("SPEC §3: term %s months is a programming error", (term) => {
    expect(() => validThrough("2024-03-15", term)).toThrow(RangeError);
  });

  it.each([
    {
      clause: "cl. 5, SPEC §3",
      why: "paid 10 March → 15 March to 14 March next year",
      paid: "2024-03-10",
      term: 12,
      currentEnd: null,
      from: "2024-03-15",
      to: "2025-03-14",
    },
    {
      clause: "SPEC §3 renewal",
      why: "starts the day after the current policy ends",
      paid: "2025-02-20",
      term: 12,
      currentEnd: "2025-03-14",
      from: "2025-03-15",
      to: "2026-03-14",
    },
    {
      clause: "SPEC §3 renewal",
      why: "current ends within the 5 days: payment + 5 wins",
      paid: "2025-03-12",
      term: 12,
      currentEnd: "2025-03-14",
      from: "2025-03-17",
      to: "2026-03-16",
    },
    {
      clause: "SPEC §3 renewal",
      why: "current ends exactly on payment + 4: both give the same day",
      paid: "2025-03-10",
      term: 6,
      currentEnd: "2025-03-14",
      from: "2025-03-15",
      to: "2025-09-14",
    },
    {
      clause: "SPEC §3",
      why: "effective 31 August + 6 months (leap February)",
      paid: "2023-08-26",
      term: 6,
      currentEnd: null,
      from: "2023-08-31",
      to: "2024-02-29",
    },
    {
      clause: "SPEC §3",
      why: "effective 31 August + 6 months (common February)",
      paid: "2024-08-26",
      term: 6,
      currentEnd: null,
      from: "2024-08-31",
      to: "2025-02-28",
    },
  ])("$clause: $why", ({ paid, term, currentEnd, from, to }) => {
    expect(policyPeriodForPayment(paid, term, currentEnd)).toEqual({ validFrom: from, validTo: to });
  });

  it("cl. 26: the pregnancy policy is valid from the registration day, no 5-day delay, 12 months", () => {
    expect(pregnancyPolicyPeriod("2024-05-20")).toEqual({ validFrom: "2024-05-20", validTo: "2025-05-19" });
  });

  it.each([
    { clause: "cl. 11 (interpretation)", issue: "2024-05-20", currentEnd: null, from: "2024-05-20", to: "2025-05-19" },
    {
      clause: "cl. 11 (interpretation)",
      issue: "2024-05-20",
      currentEnd: "2024-06-30",
      from: "2024-07-01",
      to: "2025-06-30",
    },
    {
      clause: "cl. 11 (interpretation)",
      issue: "2024-05-20",
      currentEnd: "2024-05-19",
      from: "2024-05-20",
      to: "2025-05-19",
    },
  ])(
    "$clause: free EAEU-child policy issued $issue (current ends $currentEnd) → $from … $to",
    ({ issue, currentEnd, from, to }) => {
      expect(freePolicyPeriod(issue, 12, currentEnd)).toEqual({ validFrom: from, validTo: to });
    },
  );

  it("SPEC §6: a re-issued policy is valid from the re-issue day for the full term", () => {
    expect(reissuePeriod("2024-04-02", 12)).toEqual({ validFrom: "2024-04-02", validTo: "2025-04-01" });
    expect(reissuePeriod("2024-08-31", 6)).toEqual({ validFrom: "2024-08-31", validTo: "2025-02-28" });
  });
});
