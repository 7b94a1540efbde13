import { addDays, bishkekDate, type CalendarDate } from "@/lib/rules";

// The one place for Bishkek time outside lib/rules (SPEC §3: a "day" is the calendar day in Asia/Bishkek, UTC+6, no
// daylight saving). lib/rules takes "today" as an argument; this is where the app reads the clock and where a
// calendar day becomes an instant. Components receive 'YYYY-MM-DD' strings, never a database Date.

export const BISHKEK_TIME_ZONE = "Asia/Bishkek";
/** Kyrgyzstan has kept UTC+6 all year since 2005. */
const BISHKEK_OFFSET = "+06:00";

/** The only place the app reads the clock for business dates. */
export function now(): Date {
  return new Date();
}

export function todayInBishkek(): CalendarDate {
  return bishkekDate(now());
}

/** A Bishkek wall-clock time of a day as an instant: `bishkekInstant("2024-03-10", "14:05:00")`. */
export function bishkekInstant(day: string, time = "00:00:00"): Date {
  return new Date(`${day}T${time}${BISHKEK_OFFSET}`);
}

/** A calendar day as an instant at noon in Bishkek: safe for Intl date formatting and for "paid on that day". */
export function dayToInstant(day: string): Date {
  return bishkekInstant(day, "12:00:00");
}

/**
 * "Paid on `day`", as known at `now`: the day's noon in Bishkek — but a payment of today told us before noon was not
 * made in the future (a cash receipt brought in, a contract's transfer confirmed, in the morning).
 */
export function paidOnDay(day: CalendarDate, now: Date): Date {
  const noon = dayToInstant(day);
  return day === bishkekDate(now) && noon > now ? now : noon;
}

/** [start, end) of the Bishkek days `from`..`to` inclusive, as instants (for timestamp range queries). */
export function bishkekDayRange(from: CalendarDate, to: CalendarDate): { gte: Date; lt: Date } {
  return { gte: bishkekInstant(from), lt: bishkekInstant(addDays(to, 1)) };
}

export const LONG_DATE = { year: "numeric", month: "long", day: "numeric" } as const;
