// Working days of the Fund (cl. 13, 15: "в течение одного рабочего дня"). A day is a working day unless it is a
// Saturday or a Sunday or a public holiday of the Kyrgyz Republic (Labour Code art. 113), and except the days the
// Government transfers: a holiday moved onto a weekday is a day off, a weekend day declared working is a working day.
// Which days those are is data the Fund keeps (model WorkingCalendarDay, seeded 2024–2027 by prisma/reference-data.ts);
// these functions take it as an argument.

import { addDays, compareDates, parseCalendarDate, type CalendarDate } from "./dates";

export const CALENDAR_DAY_KINDS = ["HOLIDAY", "WORKING_DAY"] as const;
/** HOLIDAY: a day off on a weekday (a public holiday or a transferred day off); WORKING_DAY: a weekend day worked. */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export type CalendarEntry = { date: CalendarDate; kind: CalendarDayKind; nameRu?: string; nameKy?: string };

/** The Fund's calendar for some range of days, as a lookup. Build it with workingCalendar(entries). */
export type WorkingCalendar = { readonly kinds: ReadonlyMap<CalendarDate, CalendarDayKind> };

/** cl. 13: the application is entered within one working day; cl. 15: the policy is made within one working day. */
export const APPLICATION_ENTRY_WORKING_DAYS = 1;
export const POLICY_MAKING_WORKING_DAYS = 1;

/** A lookup of the calendar's entries; of two entries for one day the last wins (a correction). */
export function workingCalendar(entries: readonly CalendarEntry[]): WorkingCalendar {
  const kinds = new Map<CalendarDate, CalendarDayKind>();
  for (const e of entries) {
    parseCalendarDate(e.date);
    kinds.set(e.date, e.kind);
  }
  return { kinds };
}

/** 0 = Sunday … 6 = Saturday, by Zeller's congruence on the integers of the day (no JS date objects). */
function weekday(day: CalendarDate): number {
  const { y, m, d } = parseCalendarDate(day);
  const a = m < 3 ? y - 1 : y;
  const mm = m < 3 ? m + 12 : m;
  // Zeller's congruence: 0 = Saturday … 6 = Friday
  const h =
    (d + Math.floor((13 * (mm + 1)) / 5) + a + Math.floor(a / 4) - Math.floor(a / 100) + Math.floor(a / 400)) % 7;
  return (h + 6) % 7;
}

export function isWeekend(day: CalendarDate): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** A working day: a weekday that is not a holiday, or a weekend day the Government declared working. */
export function isWorkingDay(day: CalendarDate, calendar: WorkingCalendar): boolean {
  const kind = calendar.kinds.get(day);
  if (kind === "WORKING_DAY") return true;
  if (kind === "HOLIDAY") return false;
  return !isWeekend(day);
}

/**
 * The n-th working day after `day` (n ≥ 0; `day` itself is not counted). n = 0 gives `day` when it is a working day,
 * else the next one. Throws RangeError for a negative or fractional n (a programming error).
 */
export function addWorkingDays(day: CalendarDate, n: number, calendar: WorkingCalendar): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  let current = day;
  if (n === 0) {
    while (!isWorkingDay(current, calendar)) current = addDays(current, 1);
    return current;
  }
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/**
 * cl. 13: the last day to enter an application — one working day after the day it starts from (the visit, or the
 * payment day of a payment brought to the ТУ; interpretation I41).
 */
export function applicationEntryDeadline(startDay: CalendarDate, calendar: WorkingCalendar): CalendarDate {
  return addWorkingDays(startDay, APPLICATION_ENTRY_WORKING_DAYS, calendar);
}

/** cl. 15: the last day to make the policy — one working day after the application was entered. */
export function policyMakingDeadline(enteredOn: CalendarDate, calendar: WorkingCalendar): CalendarDate {
  return addWorkingDays(enteredOn, POLICY_MAKING_WORKING_DAYS, calendar);
}

/**
 * cl. 36–37 refer appeals to the law on citizens' appeals, whose text is not among the Fund's orders given to the
 * portal; interpretation I37: an appeal is answered within 10 working days of the Fund's calendar (two weeks) after the
 * day it was filed.
 */
export const APPEAL_ANSWER_WORKING_DAYS = 10;

/** cl. 36–37, I37: the last day to answer an appeal filed on `filedOn`. */
export function appealAnswerDeadline(filedOn: CalendarDate, calendar: WorkingCalendar): CalendarDate {
  return addWorkingDays(filedOn, APPEAL_ANSWER_WORKING_DAYS, calendar);
}

export type DeadlineState = "DONE" | "ON_TIME" | "DUE_TODAY" | "OVERDUE";

/** Where a deadline stands on `today`: done (whenever), not due yet, due today, or past. */
export function deadlineState(dueOn: CalendarDate, today: CalendarDate, done: boolean): DeadlineState {
  if (done) return "DONE";
  const c = compareDates(today, dueOn);
  return c < 0 ? "ON_TIME" : c === 0 ? "DUE_TODAY" : "OVERDUE";
}
