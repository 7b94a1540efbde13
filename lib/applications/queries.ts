import "server-only";
import { writeAccessDenied, writeStandaloneAudit } from "@/lib/audit/mutations";
import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/full-name";
import { searchPeople } from "@/lib/people/queries";
import type { PersonSearchRow } from "@/lib/people/view-models";
import { findCoverage } from "@/lib/policies/queries";
import { bishkekDate, compareDates, deadlineState, insuredStatusOn, type CalendarDate } from "@/lib/rules";
import type { ApplicationRowView, ApplicationView, PersonFileView } from "./view-models";

const APPLICATIONS_PAGE_SIZE = 50;

const rowSelect = {
  id: true,
  enteredOn: true,
  entryDueOn: true,
  category: true,
  status: true,
  policyDueOn: true,
  policyMadeAt: true,
  policy: { select: { id: true, number: true, validFrom: true, validTo: true } },
  person: { select: { lastName: true, firstName: true, patronymic: true } },
} as const satisfies Prisma.PolicyApplicationSelect;

type Row = Prisma.PolicyApplicationGetPayload<{ select: typeof rowSelect }>;

function toRow(r: Row, today: CalendarDate): ApplicationRowView {
  const policyDueOn = fromDbDateOrNull(r.policyDueOn);
  return {
    id: r.id,
    enteredOn: fromDbDate(r.enteredOn),
    holder: fullName(r.person),
    category: r.category,
    status: r.status,
    policyNumber: r.policy?.number ?? null,
    policyDueOn,
    // cl. 15: the paper policy is to be made by policyDueOn; made (printed) → done.
    deadline:
      r.status === "ACCEPTED" && policyDueOn ? deadlineState(policyDueOn, today, r.policyMadeAt !== null) : null,
    enteredLate: compareDates(fromDbDate(r.enteredOn), fromDbDate(r.entryDueOn)) > 0,
  };
}

/** The desk's search (issue 12) for a clerk; nothing for anyone else. The searched text is never logged. */
export async function findPeopleForClerk(user: StaffUser, q: string): Promise<PersonSearchRow[]> {
  if (!canUseOfficeWorkspace(user)) return [];
  return searchPeople(q);
}

export type ApplicationListFilter = { due?: boolean; page?: number };

/**
 * The applications of the clerk's own office, newest first; `due` keeps the accepted ones whose paper policy is
 * still to be made (cl. 15), the most urgent first. The office is in the `where`.
 */
export async function listOfficeApplications(
  user: StaffUser,
  today: CalendarDate,
  filter: ApplicationListFilter = {},
): Promise<{ rows: ApplicationRowView[]; total: number; dueToday: number; overdue: number }> {
  if (!canUseOfficeWorkspace(user)) return { rows: [], total: 0, dueToday: 0, overdue: 0 };
  const officeId = user.officeId!;
  const pending = { officeId, status: "ACCEPTED", policyMadeAt: null } as const;
  const where: Prisma.PolicyApplicationWhereInput = filter.due ? pending : { officeId };
  const page = Math.max(1, filter.page ?? 1);
  const [rows, total, dueToday, overdue] = await Promise.all([
    db.policyApplication.findMany({
      where,
      select: rowSelect,
      orderBy: filter.due ? [{ policyDueOn: "asc" }, { createdAt: "asc" }] : [{ createdAt: "desc" }],
      take: APPLICATIONS_PAGE_SIZE,
      skip: (page - 1) * APPLICATIONS_PAGE_SIZE,
    }),
    db.policyApplication.count({ where }),
    db.policyApplication.count({ where: { ...pending, policyDueOn: toDbDate(today) } }),
    db.policyApplication.count({ where: { ...pending, policyDueOn: { lt: toDbDate(today) } } }),
  ]);
  return { rows: rows.map((r) => toRow(r, today)), total, dueToday, overdue };
}

/**
 * One application of the clerk's own office. Another office's answers "not found" like a missing one (STYLE §4),
 * and the attempt is audited.
 */
export async function findOfficeApplication(
  user: StaffUser,
  id: string,
  today: CalendarDate,
): Promise<ApplicationView | null> {
  if (!canUseOfficeWorkspace(user) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await db.policyApplication.findFirst({
    where: { id, officeId: user.officeId! },
    select: {
      ...rowSelect,
      personId: true,
      termMonths: true,
      documents: true,
      refusals: true,
      missingDocuments: true,
      insuredUntil: true,
      startedOn: true,
      createdAt: true,
      person: { select: { lastName: true, firstName: true, patronymic: true, pin: true, documentNumber: true } },
      payment: { select: { channel: true, externalTxnId: true, amountSom: true, paidAt: true } },
    },
  });
  if (!r) {
    if (await db.policyApplication.count({ where: { id } })) {
      await writeAccessDenied({ id: user.id, label: user.login }, "office.workspace", `PolicyApplication:${id}`);
    }
    return null;
  }
  return {
    ...toRow(r, today),
    personId: r.personId,
    pin: r.person.pin,
    documentNumber: r.person.documentNumber,
    termMonths: r.termMonths,
    documents: r.documents,
    refusals: r.refusals,
    missingDocuments: r.missingDocuments,
    insuredUntil: fromDbDateOrNull(r.insuredUntil),
    receivedOn: fromDbDate(r.startedOn),
    entryDueOn: fromDbDate(r.entryDueOn),
    policyMadeOn: r.policyMadeAt ? bishkekDate(r.policyMadeAt) : null,
    policy: r.policy
      ? {
          id: r.policy.id,
          number: r.policy.number,
          validFrom: fromDbDateOrNull(r.policy.validFrom),
          validTo: fromDbDateOrNull(r.policy.validTo),
        }
      : null,
    payment: r.payment
      ? {
          channel: r.payment.channel,
          externalTxnId: r.payment.externalTxnId,
          amountSom: r.payment.amountSom,
          paidOn: bishkekDate(r.payment.paidAt),
        }
      : null,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * A person's file for the clerk (issue 12): the record; the insured status on `today` computed exactly as the public
 * check computes it (insuredStatusOn over the same coverage); the policies and their payments; and this office's
 * applications. Persons are national (anyone may walk into any ТУ); opening one is audited, by id only.
 */
export async function findPersonFile(
  user: StaffUser,
  personId: string,
  today: CalendarDate,
): Promise<PersonFileView | null> {
  if (!canUseOfficeWorkspace(user) || !/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const p = await db.person.findUnique({
    where: { id: personId },
    include: {
      policies: {
        orderBy: { createdAt: "desc" },
        include: {
          payments: {
            where: { status: "CONFIRMED" },
            orderBy: { paidAt: "desc" },
            include: { application: { select: { id: true } } },
          },
        },
      },
      policyApplications: { where: { officeId: user.officeId! }, select: rowSelect, orderBy: { createdAt: "desc" } },
    },
  });
  if (!p) return null;
  const coverage = await findCoverage({ id: p.id });
  await writeStandaloneAudit({
    actor: { id: user.id, label: user.login },
    action: "person.view",
    entity: "Person",
    entityId: p.id,
  });
  return {
    id: p.id,
    fullName: fullName(p),
    lastName: p.lastName,
    firstName: p.firstName,
    patronymic: p.patronymic,
    pin: p.pin,
    category: p.category,
    documentType: p.documentType,
    documentNumber: p.documentNumber,
    birthDate: fromDbDateOrNull(p.birthDate),
    sex: p.sex,
    citizenship: p.citizenship,
    stateless: p.stateless,
    phone: p.phone,
    email: p.email,
    toComplete: p.pin === null || p.documentType === "FOREIGN_DOCUMENT_TO_COMPLETE" || !p.birthDate || !p.sex,
    status: insuredStatusOn(coverage, today),
    policies: p.policies.map((pol) => ({
      id: pol.id,
      number: pol.number,
      category: pol.category,
      status: pol.status,
      channel: pol.channel,
      validFrom: fromDbDateOrNull(pol.validFrom),
      validTo: fromDbDateOrNull(pol.validTo),
      ownOffice: pol.officeId === user.officeId,
    })),
    payments: p.policies.flatMap((pol) =>
      pol.payments.map((pay) => ({
        id: pay.id,
        channel: pay.channel,
        externalTxnId: pay.externalTxnId,
        amountSom: pay.amountSom,
        paidOn: bishkekDate(pay.paidAt),
        policyNumber: pol.number,
        policyCategory: pol.category,
        linked: pay.application !== null,
      })),
    ),
    applications: p.policyApplications.map((a) => toRow(a, today)),
  };
}
