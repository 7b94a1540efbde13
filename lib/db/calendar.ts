import type { CalendarDate } from "@/lib/rules";

// Prisma maps @db.Date to a JS Date at UTC midnight. Such a Date must never travel beyond this file: everywhere
// else a day is a 'YYYY-MM-DD' string in Asia/Bishkek (SPEC §3).

export function toDbDate(day: CalendarDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function fromDbDate(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10) as CalendarDate;
}

export function fromDbDateOrNull(value: Date | null): CalendarDate | null {
  return value ? fromDbDate(value) : null;
}
