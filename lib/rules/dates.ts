// Calendar days as 'YYYY-MM-DD' strings in Asia/Bishkek (SPEC §3, STYLE 12).
//
// All arithmetic is done on integer year/month/day values and a day count, never on a JS Date: a Date at UTC
// midnight shifts by a day as soon as someone formats it in local time, and this module must not depend on the
// machine's time zone. The only Date accepted anywhere in lib/rules is a payment *instant* (bishkekDate).

/** A calendar day, 'YYYY-MM-DD' (years 0001–9999). Produced by the helpers below or checked with isCalendarDate. */
export type CalendarDate = string;

type Ymd = { y: number; m: number; d: number };

const MS_PER_DAY = 86_400_000;

/**
 * Asia/Bishkek has been UTC+6 all year round (no daylight saving) since 12 August 2005. A fixed offset keeps the
 * answer independent of the ICU time-zone data of whatever machine runs the code; if the law changes, change this.
 */
export const BISHKEK_UTC_OFFSET_MINUTES = 6 * 60;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The value of `count` ASCII digits of `s` from `at`, or -1 when one of them is not a digit 0–9. */
function digitsAt(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * 'YYYY-MM-DD' naming a day that exists, read as the number YYYYMMDD (no match array and no object: the status check
 * reads ten or so dates per request, issue 17); -1 for anything else.
 */
function dayKey(s: unknown): number {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10_000 + m * 100 + d;
}

function readYmd(s: string): Ymd | null {
  const key = dayKey(s);
  return key < 0 ? null : { y: Math.floor(key / 10_000), m: Math.floor(key / 100) % 100, d: key % 100 };
}

/** Strict 'YYYY-MM-DD' naming a day that exists (2023-02-29 is false, 2024-02-29 is true). */
export function isCalendarDate(s: unknown): s is CalendarDate {
  return dayKey(s) >= 0;
}

/** Year, month (1–12) and day of a calendar date; throws RangeError on anything that is not one. */
export function parseCalendarDate(s: CalendarDate): Ymd {
  const ymd = readYmd(s);
  if (!ymd) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return ymd;
}

/** Builds a calendar date from integers; throws RangeError if that day does not exist. */
export function formatCalendarDate(y: number, m: number, d: number): CalendarDate {
  const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  // Non-integers, years past 9999 and impossible days all fail the strict pattern or the range check.
  if (!readYmd(s)) {
    throw new RangeError(`No such calendar day: ${y}-${m}-${d}`);
  }
  return s;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days).
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function fromDayNumber(n: number): CalendarDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatCalendarDate(y, m, d);
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/**
 * The Asia/Bishkek calendar day of an instant (SPEC §3): a payment at 20:00 UTC on 10 March is made on 11 March.
 */
export function bishkekDate(instant: Date): CalendarDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return fromDayNumber(Math.floor((ms + BISHKEK_UTC_OFFSET_MINUTES * 60_000) / MS_PER_DAY));
}

export function addDays(d: CalendarDate, n: number): CalendarDate {
  assertWholeNumber(n, "Days");
  return fromDayNumber(toDayNumber(parseCalendarDate(d)) + n);
}

/**
 * Moves by whole calendar months, keeping the day of the month; a day the target month lacks becomes its last day
 * (31 Aug + 6 → 28 Feb, or 29 Feb in a leap year). Negative n moves back.
 */
export function addMonthsClamped(d: CalendarDate, n: number): CalendarDate {
  assertWholeNumber(n, "Months");
  const { y, m, d: day } = parseCalendarDate(d);
  const monthIndex = y * 12 + (m - 1) + n;
  const ty = Math.floor(monthIndex / 12);
  const tm = monthIndex - ty * 12 + 1;
  return formatCalendarDate(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** -1 if a is before b, 0 if the same day, 1 if after. Both must be calendar dates. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const x = dayKey(a);
  const y = dayKey(b);
  if (x < 0) parseCalendarDate(a); // throws the RangeError that names it
  if (y < 0) parseCalendarDate(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** Calendar days from a to b (positive when b is later): daysBetween('2024-03-10', '2024-03-15') = 5. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(parseCalendarDate(b)) - toDayNumber(parseCalendarDate(a));
}

/** Is d within [from, to], both ends inclusive. */
export function isDateWithin(d: CalendarDate, from: CalendarDate, to: CalendarDate): boolean {
  return compareDates(from, d) <= 0 && compareDates(d, to) <= 0;
}

/**
 * Age in whole years on a day. The birthday of someone born on 29 February falls on 28 February in other years
 * (the month's last day, as for any term counted in years), so they turn 16 on 28 Feb of a common year.
 * Throws RangeError if `on` is before the birth date.
 */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  if (compareDates(on, birthDate) < 0) throw new RangeError(`${on} is before the birth date ${birthDate}`);
  const born = parseCalendarDate(birthDate);
  const day = parseCalendarDate(on);
  const years = day.y - born.y;
  return compareDates(addMonthsClamped(birthDate, years * 12), on) > 0 ? years - 1 : years;
}
