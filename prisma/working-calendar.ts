// The Fund's working-day calendar, 2024–2027 (reference data, always seeded): the public holidays of the Kyrgyz
// Republic that are days off, and the days off they move to when they fall on a weekend. Sources and the moving
// Muslim holidays are listed in lib/rules/README.md ("Working days", interpretation I32); the Fund corrects a row by
// editing WorkingCalendarDay (a Cabinet of Ministers announcement wins over this list).
import { addDays, isWeekend, type CalendarDate, type CalendarEntry } from "../lib/rules";

type Holiday = { date: CalendarDate; nameRu: string; nameKy: string };

const fixed = (year: number, md: string, nameRu: string, nameKy: string): Holiday => ({
  date: `${year}-${md}`,
  nameRu,
  nameKy,
});

const NEW_YEAR = ["Новый год", "Жаңы жыл"] as const;
const CHRISTMAS = ["Рождество Христово", "Ыйсанын туулган күнү"] as const;
const DEFENDERS = ["День защитника Отечества", "Ата Мекенди коргоочулардын күнү"] as const;
const WOMEN = ["Международный женский день", "Эл аралык аялдар күнү"] as const;
const NOORUZ = ["Нооруз", "Нооруз"] as const;
const APRIL = ["День Народной Апрельской революции", "Элдик Апрель революциясынын күнү"] as const;
const LABOUR = ["Праздник труда", "Эмгек майрамы"] as const;
const CONSTITUTION = ["День Конституции", "Конституция күнү"] as const;
const VICTORY = ["День Победы", "Жеңиш күнү"] as const;
const MAY_HOLIDAYS = ["Майские праздники", "Май майрамдары"] as const;
const NEW_YEAR_HOLIDAYS = ["Новогодние праздники", "Жаңы жыл майрамдары"] as const;
const INDEPENDENCE = ["День независимости", "Эгемендүүлүк күнү"] as const;
const HISTORY = ["Дни истории и памяти предков", "Тарых жана ата-бабаларды эскерүү күндөрү"] as const;
const OROZO = ["Орозо айт", "Орозо айт"] as const;
const KURMAN = ["Курман айт", "Курман айт"] as const;

const h = (year: number, md: string, [ru, ky]: readonly [string, string]) => fixed(year, md, ru, ky);

/** 2024: Labour Code art. 113 before the 2025 Code; Orozo ait 10 Apr, Kurman ait 16 Jun (Muftiate of Kyrgyzstan). */
function holidays2024(): Holiday[] {
  return [
    h(2024, "01-01", NEW_YEAR),
    h(2024, "01-07", CHRISTMAS),
    h(2024, "02-23", DEFENDERS),
    h(2024, "03-08", WOMEN),
    h(2024, "03-21", NOORUZ),
    h(2024, "04-07", APRIL),
    h(2024, "04-10", OROZO),
    h(2024, "05-01", LABOUR),
    h(2024, "05-05", CONSTITUTION),
    h(2024, "05-09", VICTORY),
    h(2024, "06-16", KURMAN),
    h(2024, "08-31", INDEPENDENCE),
    h(2024, "11-07", HISTORY),
    h(2024, "11-08", HISTORY),
  ];
}

/**
 * From 2025 (the Labour Code of 2025): 1–7 January and 1–9 May are days off every year; 8 and 21 March and 31 August
 * stay; 23 February, 7 April and 7–8 November are no longer days off; Orozo ait and Kurman ait by the Muftiate.
 */
function holidaysFrom2025(year: number, orozo: string, kurman: string): Holiday[] {
  const range = (month: string, to: number, name: readonly [string, string]) =>
    Array.from({ length: to }, (_, i) => h(year, `${month}-${String(i + 1).padStart(2, "0")}`, name));
  return [
    ...range("01", 7, NEW_YEAR_HOLIDAYS),
    h(year, "03-08", WOMEN),
    h(year, "03-21", NOORUZ),
    ...range("05", 9, MAY_HOLIDAYS),
    h(year, "08-31", INDEPENDENCE),
    h(year, orozo, OROZO),
    h(year, kurman, KURMAN),
  ];
}

const TRANSFERRED = { ru: "Перенесённый выходной", ky: "Которулган дем алыш күнү" } as const;

/**
 * A single holiday that falls on a Saturday or a Sunday gives the next weekday that is not a holiday as a day off
 * (Labour Code art. 113); days inside the New Year and May ranges do not (the range is the days off).
 */
function withTransfers(holidays: Holiday[], rangeNames: readonly string[]): CalendarEntry[] {
  const taken = new Set(holidays.map((x) => x.date));
  const entries: CalendarEntry[] = holidays.map((x) => ({ ...x, kind: "HOLIDAY" }));
  for (const x of holidays) {
    if (!isWeekend(x.date) || rangeNames.includes(x.nameRu)) continue;
    let day = addDays(x.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    entries.push({
      date: day,
      kind: "HOLIDAY",
      nameRu: `${TRANSFERRED.ru} (${x.nameRu})`,
      nameKy: `${TRANSFERRED.ky} (${x.nameKy})`,
    });
  }
  return entries;
}

/** The seeded calendar, 2024–2027: every public holiday (also on a weekend, for its name) and the days off moved. */
export function workingCalendarEntries(): CalendarEntry[] {
  const ranges = [NEW_YEAR_HOLIDAYS[0], MAY_HOLIDAYS[0]];
  return [
    ...withTransfers(holidays2024(), ranges),
    ...withTransfers(holidaysFrom2025(2025, "03-30", "06-06"), ranges),
    ...withTransfers(holidaysFrom2025(2026, "03-20", "05-27"), ranges),
    ...withTransfers(holidaysFrom2025(2027, "03-10", "05-16"), ranges),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
