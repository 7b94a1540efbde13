/** A calendar day as an instant at noon in Bishkek, for Intl date formatting with timeZone Asia/Bishkek. */
export function dayToInstant(day: string): Date {
  return new Date(`${day}T12:00:00+06:00`);
}

export const LONG_DATE = { year: "numeric", month: "long", day: "numeric" } as const;
