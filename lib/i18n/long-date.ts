// Dates on screen are formatted from the message files, not by the runtime's ICU data: Debian's Chromium ships
// without Kyrgyz locale data, so `Intl.DateTimeFormat("ky")` in the browser falls back to English month names while
// the server (Node, full ICU) writes Kyrgyz. The `common.date.long` message carries the month names of both
// languages, so a date reads the same whether the server or the browser rendered it.

/** Values for `common.date.long` from a calendar day 'YYYY-MM-DD'. */
export function longDateValues(day: string): { year: string; month: string; day: string } {
  const [year = "", month = "", date = ""] = day.slice(0, 10).split("-");
  return { year, month: String(Number(month)), day: String(Number(date)) };
}

/** Values for `common.date.dateTime`: the Bishkek calendar day and its wall-clock time 'HH:MM'. */
export function dateTimeValues(day: string, time: string): { year: string; month: string; day: string; time: string } {
  return { ...longDateValues(day), time };
}
