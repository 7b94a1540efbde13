import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { db as defaultDb, type Db } from "@/lib/db";
import { toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import { compareDates, isWeekend, type CalendarDate } from "@/lib/rules";
import { ZCalendarDayInput, ZRemoveCalendarDayInput, type TCalendarDayInput } from "../administration.schema";

/**
 * Adds a day off or a transferred working day to the Fund's calendar (cl. 13, 15). Deadlines already counted keep
 * their days, so only today or later may change. A working day must be a Saturday or Sunday (a weekday already is
 * one). Audited "calendar_day.create".
 */
export async function addCalendarDay(
  actor: AuditActor,
  raw: TCalendarDayInput,
  today: CalendarDate,
  client: Db = defaultDb,
) {
  const input = ZCalendarDayInput.parse(raw);
  if (compareDates(input.date, today) < 0) throw new AppError("administration.errors.dateInPast", { field: "date" });
  if (input.kind === "WORKING_DAY" && !isWeekend(input.date))
    throw new AppError("administration.errors.workingDayNotWeekend", { field: "date" });
  return client.$transaction(async (tx) => {
    if (await tx.workingCalendarDay.findUnique({ where: { date: toDbDate(input.date) } }))
      throw new AppError("administration.errors.dayExists", { field: "date" });
    await tx.workingCalendarDay.create({ data: { ...input, date: toDbDate(input.date) } });
    await writeAudit(tx, {
      actor,
      action: "calendar_day.create",
      entity: "WorkingCalendarDay",
      entityId: input.date,
      after: input,
    });
    return input;
  });
}

/** Removes a day from the calendar (today or later). Audited "calendar_day.delete" with what it was. */
export async function removeCalendarDay(
  actor: AuditActor,
  raw: { date: string },
  today: CalendarDate,
  client: Db = defaultDb,
) {
  const { date } = ZRemoveCalendarDayInput.parse(raw);
  if (compareDates(date, today) < 0) throw new AppError("administration.errors.dateInPast");
  return client.$transaction(async (tx) => {
    const row = await tx.workingCalendarDay.findUnique({ where: { date: toDbDate(date) } });
    if (!row) throw new AppError("errors.notFound");
    await tx.workingCalendarDay.delete({ where: { date: toDbDate(date) } });
    const before = { date, kind: row.kind, nameRu: row.nameRu, nameKy: row.nameKy };
    await writeAudit(tx, {
      actor,
      action: "calendar_day.delete",
      entity: "WorkingCalendarDay",
      entityId: date,
      before,
    });
    return before;
  });
}
