import { bishkekDate, type CalendarDate } from "@/lib/rules";

// The only place the app reads the clock for business dates; lib/rules takes "today" as an argument.
export function now(): Date {
  return new Date();
}

export function todayInBishkek(): CalendarDate {
  return bishkekDate(now());
}
