import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonthsClamped,
  ageOn,
  bishkekDate,
  compareDates,
  daysBetween,
  daysInMonth,
  formatCalendarDate,
  isCalendarDate,
  isDateWithin,
  maxDate,
  minDate,
  parseCalendarDate,
} from "@/lib/rules";

describe("calendar dates (SPEC §3)", () => {
  it.each([
    { clause: "SPEC §3", s: "2024-03-10", ok: true },
    { clause: "SPEC §3", s: "2024-02-29", ok: true },
    { clause: "SPEC §3", s: "2023-02-29", ok: false },
    { clause: "SPEC §3", s: "1900-02-29", ok: false },
    { clause: "SPEC §3", s: "2000-02-29", ok: true },
    { clause: "SPEC §3", s: "2024-04-31", ok: false },
    { clause: "SPEC §3", s: "2024-13-01", ok: false },
    { clause: "SPEC §3", s: "2024-00-10", ok: false },
    { clause: "SPEC §3", s: "2024-01-00", ok: false },
    { clause: "SPEC §3", s: "0000-01-01", ok: false },
    { clause: "SPEC §3", s: "2024-3-10", ok: false },
    { clause: "SPEC §3", s: "2024-03-10T00:00:00Z", ok: false },
    { clause: "SPEC §3", s: " 2024-03-10", ok: false },
    { clause: "SPEC §3", s: "", ok: false },
    { clause: "SPEC §3", s: "2024/03/10", ok: false },
    { clause: "SPEC §3", s: "2024-03-1a", ok: false },
    { clause: "SPEC §3", s: "+024-03-10", ok: false },
    { clause: "SPEC §3", s: "٢٠٢٤-٠٣-١٠", ok: false },
    { clause: "SPEC §3", s: "9999-12-31", ok: true },
    { clause: "SPEC §3", s: "0001-01-01", ok: true },
  ])("$clause: isCalendarDate($s) = $ok", ({ s, ok }) => {
    expect(isCalendarDate(s)).toBe(ok);
  });

  it("SPEC §3: isCalendarDate rejects non-strings", () => {
    expect(isCalendarDate(20240310)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it.each([
    { clause: "SPEC §3", instant: "2024-03-10T17:59:59.999Z", day: "2024-03-10", why: "before Bishkek midnight" },
    { clause: "SPEC §3", instant: "2024-03-10T18:00:00.000Z", day: "2024-03-11", why: "Bishkek midnight" },
    { clause: "SPEC §3", instant: "2024-03-10T20:00:00Z", day: "2024-03-11", why: "20:00 UTC is the next Bishkek day" },
    { clause: "SPEC §3", instant: "2024-03-10T00:00:00+06:00", day: "2024-03-10", why: "local midnight" },
    { clause: "SPEC §3", instant: "2023-12-31T18:30:00Z", day: "2024-01-01", why: "new year in Bishkek first" },
    { clause: "SPEC §3", instant: "2024-02-28T19:00:00Z", day: "2024-02-29", why: "leap day" },
    { clause: "SPEC §3", instant: "1969-12-31T17:00:00Z", day: "1969-12-31", why: "before the epoch" },
    { clause: "SPEC §3", instant: "2024-07-01T03:00:00Z", day: "2024-07-01", why: "no daylight saving in summer" },
  ])("$clause: payment at $instant is made on $day ($why)", ({ instant, day }) => {
    expect(bishkekDate(new Date(instant))).toBe(day);
  });

  it("SPEC §3: an invalid instant is a programming error", () => {
    expect(() => bishkekDate(new Date("not a date"))).toThrow(RangeError);
  });

  it.each([
    { clause: "cl. 5", d: "2024-03-10", n: 5, out: "2024-03-15" },
    { clause: "cl. 5", d: "2024-02-27", n: 5, out: "2024-03-03" },
    { clause: "cl. 5", d: "2023-02-27", n: 5, out: "2023-03-04" },
    { clause: "cl. 5", d: "2024-12-29", n: 5, out: "2025-01-03" },
    { clause: "cl. 32", d: "2024-03-10", n: 30, out: "2024-04-09" },
    { clause: "SPEC §3", d: "2024-03-01", n: -1, out: "2024-02-29" },
    { clause: "SPEC §3", d: "2024-03-01", n: 0, out: "2024-03-01" },
    { clause: "SPEC §3", d: "2000-01-01", n: 366, out: "2001-01-01" },
  ])("$clause: addDays($d, $n) = $out", ({ d, n, out }) => {
    expect(addDays(d, n)).toBe(out);
  });

  it.each([
    { clause: "SPEC §3", d: "2024-03-15", n: 12, out: "2025-03-15" },
    { clause: "SPEC §3", d: "2023-08-31", n: 6, out: "2024-02-29" },
    { clause: "SPEC §3", d: "2024-08-31", n: 6, out: "2025-02-28" },
    { clause: "SPEC §3", d: "2024-01-31", n: 1, out: "2024-02-29" },
    { clause: "SPEC §3", d: "2024-03-31", n: 1, out: "2024-04-30" },
    { clause: "SPEC §3", d: "2024-02-29", n: 12, out: "2025-02-28" },
    { clause: "SPEC §3", d: "2024-11-30", n: 3, out: "2025-02-28" },
    { clause: "SPEC §3", d: "2024-03-31", n: -1, out: "2024-02-29" },
    { clause: "SPEC §3", d: "2024-01-15", n: -13, out: "2022-12-15" },
  ])("$clause: addMonthsClamped($d, $n) = $out (month-end clamps)", ({ d, n, out }) => {
    expect(addMonthsClamped(d, n)).toBe(out);
  });

  it.each([
    { clause: "SPEC §3", call: () => addDays("2023-02-29", 1) },
    { clause: "SPEC §3", call: () => addDays("2024-03-10", 1.5) },
    { clause: "SPEC §3", call: () => addMonthsClamped("2024-03-10", Number.NaN) },
    { clause: "SPEC §3", call: () => addDays("9999-12-31", 1) },
    { clause: "SPEC §3", call: () => addDays("0001-01-01", -1) },
    { clause: "SPEC §3", call: () => compareDates("2024-03-10", "10.03.2024") },
    { clause: "SPEC §3", call: () => parseCalendarDate("2024-02-30") },
    { clause: "SPEC §3", call: () => formatCalendarDate(2023, 2, 29) },
    { clause: "SPEC §3", call: () => formatCalendarDate(2024.5, 2, 1) },
  ])("$clause: bad input throws RangeError (#%#)", ({ call }) => {
    expect(call).toThrow(RangeError);
  });

  it("SPEC §3: comparison, min, max, distance, range", () => {
    expect(compareDates("2024-03-10", "2024-03-11")).toBe(-1);
    expect(compareDates("2024-03-11", "2024-03-11")).toBe(0);
    expect(compareDates("2025-01-01", "2024-12-31")).toBe(1);
    expect(maxDate("2024-03-15", "2025-03-15")).toBe("2025-03-15");
    expect(maxDate("2025-03-15", "2024-03-15")).toBe("2025-03-15");
    expect(minDate("2024-03-15", "2025-03-15")).toBe("2024-03-15");
    expect(minDate("2025-03-15", "2024-03-15")).toBe("2024-03-15");
    expect(daysBetween("2024-03-10", "2024-03-15")).toBe(5);
    expect(daysBetween("2024-03-15", "2024-03-10")).toBe(-5);
    expect(isDateWithin("2024-03-15", "2024-03-15", "2025-03-14")).toBe(true);
    expect(isDateWithin("2025-03-14", "2024-03-15", "2025-03-14")).toBe(true);
    expect(isDateWithin("2025-03-15", "2024-03-15", "2025-03-14")).toBe(false);
    expect(parseCalendarDate("2024-03-10")).toEqual({ y: 2024, m: 3, d: 10 });
    expect(formatCalendarDate(7, 1, 2)).toBe("0007-01-02");
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it.each([
    { clause: "cl. 9", birth: "2008-03-10", on: "2024-03-09", age: 15 },
    { clause: "cl. 9", birth: "2008-03-10", on: "2024-03-10", age: 16 },
    { clause: "cl. 9", birth: "2008-02-29", on: "2024-02-28", age: 15 },
    { clause: "cl. 9", birth: "2008-02-29", on: "2024-02-29", age: 16 },
    { clause: "cl. 9", birth: "2007-02-28", on: "2023-02-28", age: 16 },
    { clause: "cl. 9", birth: "2004-02-29", on: "2020-02-28", age: 15 },
    { clause: "cl. 9", birth: "2005-02-28", on: "2021-02-28", age: 16 },
    { clause: "cl. 9 (29 Feb: birthday on 28 Feb of a common year)", birth: "2008-02-29", on: "2025-02-28", age: 17 },
    { clause: "cl. 9 (29 Feb: birthday on 28 Feb of a common year)", birth: "2008-02-29", on: "2025-02-27", age: 16 },
    { clause: "cl. 9 (29 Feb: 16 on 28 Feb when that year is common)", birth: "2084-02-29", on: "2100-02-28", age: 16 },
    { clause: "cl. 9 (29 Feb: 16 on 28 Feb when that year is common)", birth: "2084-02-29", on: "2100-02-27", age: 15 },
    { clause: "cl. 9", birth: "2024-03-10", on: "2024-03-10", age: 0 },
    { clause: "cl. 9", birth: "1950-12-31", on: "2024-12-30", age: 73 },
  ])("$clause: born $birth, on $on aged $age", ({ birth, on, age }) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it("cl. 9: an age before birth is a programming error", () => {
    expect(() => ageOn("2024-03-10", "2024-03-09")).toThrow(RangeError);
  });
});
