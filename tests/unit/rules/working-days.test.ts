import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  appealAnswerDeadline,
  applicationEntryDeadline,
  deadlineState,
  isWeekend,
  isWorkingDay,
  policyMakingDeadline,
  workingCalendar,
} from "@/lib/rules";

// A calendar like the seeded one: Nooruz on Thursday 21 March 2024; 8 March 2025 (a Saturday) moved to Monday 10 March;
// and a weekend day declared working, as the Cabinet of Ministers used to do.
const CAL = workingCalendar([
  { date: "2024-03-21", kind: "HOLIDAY", nameRu: "Нооруз", nameKy: "Нооруз" },
  { date: "2025-03-08", kind: "HOLIDAY", nameRu: "Международный женский день" },
  { date: "2025-03-10", kind: "HOLIDAY", nameRu: "Перенесённый выходной" },
  { date: "2024-12-28", kind: "WORKING_DAY" },
]);
const EMPTY = workingCalendar([]);

describe("working days (cl. 13, 15; Labour Code art. 113)", () => {
  it.each([
    { day: "2024-03-16", weekend: true, why: "a Saturday" },
    { day: "2024-03-17", weekend: true, why: "a Sunday" },
    { day: "2024-03-18", weekend: false, why: "a Monday" },
    { day: "2000-01-01", weekend: true, why: "a Saturday in a leap century year" },
    { day: "2025-03-07", weekend: false, why: "a Friday" },
  ])("$day is $why", ({ day, weekend }) => {
    expect(isWeekend(day)).toBe(weekend);
  });

  it.each([
    { day: "2024-03-21", working: false, why: "a public holiday on a weekday" },
    { day: "2024-03-22", working: true, why: "an ordinary Friday" },
    { day: "2024-03-23", working: false, why: "a Saturday" },
    { day: "2024-12-28", working: true, why: "a Saturday declared working" },
    { day: "2025-03-10", working: false, why: "a day off moved from a Saturday holiday" },
  ])("$day: working = $working ($why)", ({ day, working }) => {
    expect(isWorkingDay(day, CAL)).toBe(working);
  });

  it.each([
    { from: "2024-03-19", n: 1, to: "2024-03-20", why: "Tuesday + 1 → Wednesday" },
    { from: "2024-03-20", n: 1, to: "2024-03-22", why: "skips Nooruz (Thursday)" },
    { from: "2024-03-22", n: 1, to: "2024-03-25", why: "Friday + 1 skips the weekend" },
    { from: "2024-03-23", n: 1, to: "2024-03-25", why: "from a Saturday: Monday" },
    { from: "2025-03-07", n: 1, to: "2025-03-11", why: "skips the weekend and the moved day off" },
    { from: "2024-12-27", n: 1, to: "2024-12-28", why: "a Saturday declared working counts" },
    { from: "2024-03-18", n: 5, to: "2024-03-26", why: "five working days over a holiday and a weekend" },
    { from: "2024-03-21", n: 0, to: "2024-03-22", why: "n = 0 on a holiday: the next working day" },
    { from: "2024-03-22", n: 0, to: "2024-03-22", why: "n = 0 on a working day: that day" },
  ])("$from + $n working days → $to ($why)", ({ from, n, to }) => {
    expect(addWorkingDays(from, n, CAL)).toBe(to);
  });

  it.each([-1, 1.5, Number.NaN])("%s working days is a programming error", (n) => {
    expect(() => addWorkingDays("2024-03-18", n, CAL)).toThrow(RangeError);
  });

  it("a calendar entry that is not a day is a programming error", () => {
    expect(() => workingCalendar([{ date: "2024-02-30", kind: "HOLIDAY" }])).toThrow(RangeError);
  });

  it("cl. 13: an application for a payment made on Friday before a holiday Monday is due on Tuesday", () => {
    expect(applicationEntryDeadline("2025-03-07", CAL)).toBe("2025-03-11");
    expect(applicationEntryDeadline("2025-03-07", EMPTY)).toBe("2025-03-10");
  });

  it("cl. 15: a policy for an application entered on Wednesday before Nooruz is due on Friday", () => {
    expect(policyMakingDeadline("2024-03-20", CAL)).toBe("2024-03-22");
  });

  it.each([
    ["I37: filed on a Monday → the Monday two weeks later", "2024-03-04", EMPTY, "2024-03-18"],
    ["I37: Nooruz inside the ten days moves the answer one working day on", "2024-03-18", CAL, "2024-04-02"],
    ["I37: filed on a Saturday → ten working days from the Monday after", "2025-03-01", CAL, "2025-03-17"],
  ])("%s", (_clause, filed, calendar, due) => {
    expect(appealAnswerDeadline(filed, calendar)).toBe(due);
  });

  it.each([
    { due: "2024-03-22", today: "2024-03-21", done: false, state: "ON_TIME" },
    { due: "2024-03-22", today: "2024-03-22", done: false, state: "DUE_TODAY" },
    { due: "2024-03-22", today: "2024-03-25", done: false, state: "OVERDUE" },
    { due: "2024-03-22", today: "2024-03-25", done: true, state: "DONE" },
  ])("due $due, today $today, done $done → $state", ({ due, today, done, state }) => {
    expect(deadlineState(due, today, done)).toBe(state);
  });
});
