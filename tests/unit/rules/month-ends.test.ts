import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, daysInMonth, policyPeriodForPayment, validThrough } from "@/lib/rules";

// SPEC §3 (corrected): a term in months counts as the civil code counts it —
// validTo = (effective day − 1 day) + N months, clamped to the last day of that month.
// Every first day and every month end of a leap year (2024) and a common year (2025), for 6 and 12 months.
// The expected days were computed independently (Python's calendar module), not with lib/rules.
const TABLE: [effective: string, termMonths: 6 | 12, through: string][] = [
  ["2024-01-01", 6, "2024-06-30"], // first day
  ["2024-01-01", 12, "2024-12-31"], // first day
  ["2024-01-31", 6, "2024-07-30"], // month end
  ["2024-01-31", 12, "2025-01-30"], // month end
  ["2024-02-01", 6, "2024-07-31"], // first day
  ["2024-02-01", 12, "2025-01-31"], // first day
  ["2024-02-29", 6, "2024-08-28"], // month end
  ["2024-02-29", 12, "2025-02-28"], // month end
  ["2024-03-01", 6, "2024-08-29"], // first day
  ["2024-03-01", 12, "2025-02-28"], // first day
  ["2024-03-31", 6, "2024-09-30"], // month end
  ["2024-03-31", 12, "2025-03-30"], // month end
  ["2024-04-01", 6, "2024-09-30"], // first day
  ["2024-04-01", 12, "2025-03-31"], // first day
  ["2024-04-30", 6, "2024-10-29"], // month end
  ["2024-04-30", 12, "2025-04-29"], // month end
  ["2024-05-01", 6, "2024-10-30"], // first day
  ["2024-05-01", 12, "2025-04-30"], // first day
  ["2024-05-31", 6, "2024-11-30"], // month end
  ["2024-05-31", 12, "2025-05-30"], // month end
  ["2024-06-01", 6, "2024-11-30"], // first day
  ["2024-06-01", 12, "2025-05-31"], // first day
  ["2024-06-30", 6, "2024-12-29"], // month end
  ["2024-06-30", 12, "2025-06-29"], // month end
  ["2024-07-01", 6, "2024-12-30"], // first day
  ["2024-07-01", 12, "2025-06-30"], // first day
  ["2024-07-31", 6, "2025-01-30"], // month end
  ["2024-07-31", 12, "2025-07-30"], // month end
  ["2024-08-01", 6, "2025-01-31"], // first day
  ["2024-08-01", 12, "2025-07-31"], // first day
  ["2024-08-31", 6, "2025-02-28"], // month end
  ["2024-08-31", 12, "2025-08-30"], // month end
  ["2024-09-01", 6, "2025-02-28"], // first day
  ["2024-09-01", 12, "2025-08-31"], // first day
  ["2024-09-30", 6, "2025-03-29"], // month end
  ["2024-09-30", 12, "2025-09-29"], // month end
  ["2024-10-01", 6, "2025-03-30"], // first day
  ["2024-10-01", 12, "2025-09-30"], // first day
  ["2024-10-31", 6, "2025-04-30"], // month end
  ["2024-10-31", 12, "2025-10-30"], // month end
  ["2024-11-01", 6, "2025-04-30"], // first day
  ["2024-11-01", 12, "2025-10-31"], // first day
  ["2024-11-30", 6, "2025-05-29"], // month end
  ["2024-11-30", 12, "2025-11-29"], // month end
  ["2024-12-01", 6, "2025-05-30"], // first day
  ["2024-12-01", 12, "2025-11-30"], // first day
  ["2024-12-31", 6, "2025-06-30"], // month end
  ["2024-12-31", 12, "2025-12-30"], // month end
  ["2025-01-01", 6, "2025-06-30"], // first day
  ["2025-01-01", 12, "2025-12-31"], // first day
  ["2025-01-31", 6, "2025-07-30"], // month end
  ["2025-01-31", 12, "2026-01-30"], // month end
  ["2025-02-01", 6, "2025-07-31"], // first day
  ["2025-02-01", 12, "2026-01-31"], // first day
  ["2025-02-28", 6, "2025-08-27"], // month end
  ["2025-02-28", 12, "2026-02-27"], // month end
  ["2025-03-01", 6, "2025-08-28"], // first day
  ["2025-03-01", 12, "2026-02-28"], // first day
  ["2025-03-31", 6, "2025-09-30"], // month end
  ["2025-03-31", 12, "2026-03-30"], // month end
  ["2025-04-01", 6, "2025-09-30"], // first day
  ["2025-04-01", 12, "2026-03-31"], // first day
  ["2025-04-30", 6, "2025-10-29"], // month end
  ["2025-04-30", 12, "2026-04-29"], // month end
  ["2025-05-01", 6, "2025-10-30"], // first day
  ["2025-05-01", 12, "2026-04-30"], // first day
  ["2025-05-31", 6, "2025-11-30"], // month end
  ["2025-05-31", 12, "2026-05-30"], // month end
  ["2025-06-01", 6, "2025-11-30"], // first day
  ["2025-06-01", 12, "2026-05-31"], // first day
  ["2025-06-30", 6, "2025-12-29"], // month end
  ["2025-06-30", 12, "2026-06-29"], // month end
  ["2025-07-01", 6, "2025-12-30"], // first day
  ["2025-07-01", 12, "2026-06-30"], // first day
  ["2025-07-31", 6, "2026-01-30"], // month end
  ["2025-07-31", 12, "2026-07-30"], // month end
  ["2025-08-01", 6, "2026-01-31"], // first day
  ["2025-08-01", 12, "2026-07-31"], // first day
  ["2025-08-31", 6, "2026-02-28"], // month end
  ["2025-08-31", 12, "2026-08-30"], // month end
  ["2025-09-01", 6, "2026-02-28"], // first day
  ["2025-09-01", 12, "2026-08-31"], // first day
  ["2025-09-30", 6, "2026-03-29"], // month end
  ["2025-09-30", 12, "2026-09-29"], // month end
  ["2025-10-01", 6, "2026-03-30"], // first day
  ["2025-10-01", 12, "2026-09-30"], // first day
  ["2025-10-31", 6, "2026-04-30"], // month end
  ["2025-10-31", 12, "2026-10-30"], // month end
  ["2025-11-01", 6, "2026-04-30"], // first day
  ["2025-11-01", 12, "2026-10-31"], // first day
  ["2025-11-30", 6, "2026-05-29"], // month end
  ["2025-11-30", 12, "2026-11-29"], // month end
  ["2025-12-01", 6, "2026-05-30"], // first day
  ["2025-12-01", 12, "2026-11-30"], // first day
  ["2025-12-31", 6, "2026-06-30"], // month end
  ["2025-12-31", 12, "2026-12-30"], // month end
];

describe("validity through the month ends (SPEC §3: validTo = (effective − 1 day) + N months, clamped)", () => {
  it("covers the first day and the last day of every month of 2024 and 2025, for 6 and 12 months", () => {
    const days = new Set(TABLE.map(([effective]) => effective));
    for (const y of [2024, 2025]) {
      for (let m = 1; m <= 12; m++) {
        const mm = String(m).padStart(2, "0");
        expect(days).toContain(`${y}-${mm}-01`);
        expect(days).toContain(`${y}-${mm}-${daysInMonth(y, m)}`);
      }
    }
    expect(TABLE).toHaveLength(2 * 12 * 2 * 2);
  });

  it.each(TABLE.map(([effective, termMonths, through]) => ({ clause: "SPEC §3", effective, termMonths, through })))(
    "$clause: effective $effective + $termMonths months → valid through $through",
    ({ effective, termMonths, through }) => {
      expect(validThrough(effective, termMonths)).toBe(through);
      // the definition itself, step by step
      expect(addMonthsClamped(addDays(effective, -1), termMonths)).toBe(through);
    },
  );

  it.each([
    {
      clause: "SPEC §3",
      effective: "2024-08-31",
      termMonths: 6,
      through: "2025-02-28",
      why: "31 Aug + 6 → 28 Feb (not 27 Feb)",
    },
    {
      clause: "SPEC §3",
      effective: "2024-02-29",
      termMonths: 12,
      through: "2025-02-28",
      why: "leap day + 12 → 28 Feb",
    },
    { clause: "SPEC §3", effective: "2024-03-01", termMonths: 12, through: "2025-02-28", why: "1 Mar + 12 → 28 Feb" },
    {
      clause: "SPEC §3",
      effective: "2024-03-15",
      termMonths: 12,
      through: "2025-03-14",
      why: "the day before the same date",
    },
    {
      clause: "SPEC §3",
      effective: "2023-08-31",
      termMonths: 6,
      through: "2024-02-29",
      why: "31 Aug + 6 in a leap February → 29 Feb",
    },
  ])("$clause, the SPEC's own examples: $why", ({ effective, termMonths, through }) => {
    expect(validThrough(effective, termMonths)).toBe(through);
  });

  it.each([
    { clause: "SPEC §3; cl. 5", paid: "2024-08-26", termMonths: 6, from: "2024-08-31", to: "2025-02-28" },
    { clause: "SPEC §3; cl. 5", paid: "2024-02-24", termMonths: 12, from: "2024-02-29", to: "2025-02-28" },
    { clause: "SPEC §3; cl. 5", paid: "2024-02-25", termMonths: 12, from: "2024-03-01", to: "2025-02-28" },
  ])("$clause: paid $paid → $from … $to", ({ paid, termMonths, from, to }) => {
    expect(policyPeriodForPayment(paid, termMonths, null)).toEqual({ validFrom: from, validTo: to });
  });

  it("SPEC §3: consecutive renewals leave no gap and no overlap across every month end", () => {
    for (const [effective, termMonths, through] of TABLE) {
      const next = policyPeriodForPayment(addDays(through, -10), termMonths, through);
      expect(next.validFrom, `${effective} + ${termMonths}`).toBe(addDays(through, 1));
    }
  });
});
