import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { canHandleAppeals, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import { findWorkingCalendar } from "@/lib/calendar/queries";
import { addDays, appealAnswerDeadline, type CalendarDate } from "@/lib/rules";
import type { TFileAppealInput } from "./appeal.schema";

/** The day the answer is due (cl. 36–37, interpretation I37): working days of the Fund's calendar. */
async function appealDueOn(filedOn: CalendarDate): Promise<CalendarDate> {
  return appealAnswerDeadline(filedOn, await findWorkingCalendar(filedOn, addDays(filedOn, 21)));
}

/**
 * Registers an appeal (cl. 36–37): a number (A-<year>-<serial>), the office it is addressed to, the due day. Filed
 * online by the citizen (`clerk` null) or by a clerk on their behalf at the clerk's own office.
 */
export async function fileAppeal(input: TFileAppealInput, today: CalendarDate, clerk: StaffUser | null = null) {
  if (clerk && !canHandleAppeals(clerk)) throw new AppError("errors.forbidden");
  const office = clerk
    ? await db.territorialOffice.findUnique({ where: { id: clerk.officeId! } })
    : await db.territorialOffice.findUnique({ where: { code: input.officeCode } });
  if (!office) throw new AppError("appeals.errors.officeRequired", { field: "officeCode" });
  const actor: AuditActor = clerk ? { id: clerk.id, label: clerk.login } : { id: null, label: "public" };
  const due = await appealDueOn(today);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"appeal_number_seq"') AS n`;
    const number = `A-${today.slice(0, 4)}-${String(rows[0]!.n).padStart(6, "0")}`;
    const appeal = await tx.appeal.create({
      data: {
        number,
        pin: input.pin,
        fullName: input.fullName,
        phone: input.phone,
        officeId: office.id,
        subject: input.subject,
        text: input.text,
        filedById: clerk?.id ?? null,
        dueOn: toDbDate(due),
      },
      select: { id: true, number: true },
    });
    // no PIN, name or text in the log: the appeal's number says which one
    await writeAudit(tx, {
      actor,
      action: "appeal.filed",
      entity: "Appeal",
      entityId: number,
      after: { officeId: office.id, onBehalf: Boolean(clerk), dueOn: due },
    });
    return appeal;
  });
}

/** The office answers its own appeal; the answer closes it (OPEN → ANSWERED once; a second answer finds nothing). */
export async function answerAppeal(user: StaffUser, input: { appealId: string; answer: string }, today: CalendarDate) {
  if (!canHandleAppeals(user)) throw new AppError("errors.forbidden");
  return db.$transaction(async (tx) => {
    const appeal = await tx.appeal.findFirst({
      where: { id: input.appealId, officeId: user.officeId! },
      select: { number: true },
    });
    if (!appeal) throw new AppError("appeals.errors.notFound");
    const moved = await tx.appeal.updateMany({
      where: { id: input.appealId, state: "OPEN" },
      data: { state: "ANSWERED", answer: input.answer, answeredById: user.id, closedOn: toDbDate(today) },
    });
    if (moved.count !== 1) throw new AppError("appeals.errors.alreadyAnswered");
    await writeAudit(tx, {
      actor: { id: user.id, label: user.login },
      action: "appeal.answered",
      entity: "Appeal",
      entityId: appeal.number,
      before: { state: "OPEN" },
      after: { state: "ANSWERED", closedOn: today },
    });
  });
}
