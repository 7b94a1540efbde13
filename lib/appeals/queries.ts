import "server-only";
import { writeAccessDenied } from "@/lib/audit/mutations";
import { canHandleAppeals, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDateOrNull } from "@/lib/db/calendar";
import type { Prisma } from "@/lib/generated/prisma/client";
import { compareDates, type CalendarDate } from "@/lib/rules";
import type { AppealStatusView, OfficeAppealView } from "./view-models";

const select = {
  id: true,
  number: true,
  state: true,
  filedAt: true,
  dueOn: true,
  answer: true,
  closedOn: true,
  fullName: true,
  phone: true,
  subject: true,
  text: true,
  filedById: true,
  office: { select: { nameRu: true, nameKy: true } },
} as const satisfies Prisma.AppealSelect;

type Row = Prisma.AppealGetPayload<{ select: typeof select }>;

function statusView(r: Row): AppealStatusView {
  return {
    number: r.number,
    state: r.state,
    filedAt: r.filedAt.toISOString(),
    dueOn: fromDbDateOrNull(r.dueOn),
    answer: r.answer,
    closedOn: fromDbDateOrNull(r.closedOn),
    officeNameRu: r.office.nameRu,
    officeNameKy: r.office.nameKy,
  };
}

function officeView(r: Row, today: CalendarDate): OfficeAppealView {
  const view = statusView(r);
  return {
    ...view,
    id: r.id,
    fullName: r.fullName,
    phone: r.phone,
    subject: r.subject,
    text: r.text,
    filedOnBehalf: r.filedById !== null,
    overdue: r.state === "OPEN" && view.dueOn !== null && compareDates(view.dueOn, today) < 0,
  };
}

/** The citizen's status check: the number and the PIN must both match; anything else is "not found". */
export async function findAppealStatus(number: string, pin: string): Promise<AppealStatusView | null> {
  const row = await db.appeal.findFirst({ where: { number, pin }, select });
  return row ? statusView(row) : null;
}

/** The office's appeals: open ones first (overdue marked), then answered, newest first. */
export async function listOfficeAppeals(user: StaffUser, today: CalendarDate): Promise<OfficeAppealView[]> {
  if (!canHandleAppeals(user)) return [];
  const rows = await db.appeal.findMany({
    where: { officeId: user.officeId! },
    select,
    orderBy: [{ state: "asc" }, { filedAt: "desc" }],
    take: 200,
  });
  return rows.map((r) => officeView(r, today));
}

/** One appeal of the clerk's office; another office's answers "not found" and the attempt is audited. */
export async function findOfficeAppeal(user: StaffUser, id: string, today: CalendarDate) {
  if (!canHandleAppeals(user) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db.appeal.findFirst({ where: { id, officeId: user.officeId! }, select });
  if (row) return officeView(row, today);
  if (await db.appeal.count({ where: { id } })) {
    await writeAccessDenied({ id: user.id, label: user.login }, "appeals.handle", `Appeal:${id}`);
  }
  return null;
}
