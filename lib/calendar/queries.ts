import "server-only";
import { db } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import { addDays, workingCalendar, type CalendarDate, type WorkingCalendar } from "@/lib/rules";

/**
 * How far past the range the calendar is read: a deadline counted from the range's last day may cross a run of
 * holidays (New Year, 1–7 January; May, 1–9 May) and the weekends around it.
 */
const LOOKAHEAD_DAYS = 31;

/**
 * The Fund's working-day calendar (cl. 13, 15) for deadlines counted from days in [from, to]: the exceptions to
 * "Monday–Friday work" from `from` to a month after `to`.
 */
export async function findWorkingCalendar(from: CalendarDate, to: CalendarDate = from): Promise<WorkingCalendar> {
  const rows = await db.workingCalendarDay.findMany({
    where: { date: { gte: toDbDate(from), lte: toDbDate(addDays(to, LOOKAHEAD_DAYS)) } },
    orderBy: { date: "asc" },
  });
  return workingCalendar(
    rows.map((r) => ({ date: fromDbDate(r.date), kind: r.kind, nameRu: r.nameRu, nameKy: r.nameKy })),
  );
}
