import "server-only";
import { writeAccessDenied } from "@/lib/audit/mutations";
import { canRegisterPregnancy, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/full-name";
import { addDays, compareDates, type CalendarDate } from "@/lib/rules";
import type { PregnancyRegistrationView } from "./view-models";

export const PREGNANCY_PAGE_SIZE = 25;
/** the list highlights women whose coverage ends within this many days (issue 13) */
const ENDS_SOON_DAYS = 30;

const select = {
  id: true,
  registeredOn: true,
  cardNumber: true,
  code: true,
  baseCategory: true,
  outcome: true,
  insuredUntil: true,
  followsOn: true,
  person: { select: { pin: true, documentNumber: true, lastName: true, firstName: true, patronymic: true } },
  policy: { select: { id: true, number: true, status: true, validFrom: true, validTo: true } },
  followOnPolicy: { select: { id: true, number: true, validFrom: true, validTo: true } },
} as const satisfies Prisma.PregnancyRegistrationSelect;

type Row = Prisma.PregnancyRegistrationGetPayload<{ select: typeof select }>;

function toView(r: Row, today: CalendarDate): PregnancyRegistrationView {
  const policy =
    r.policy?.validFrom && r.policy.validTo
      ? {
          id: r.policy.id,
          number: r.policy.number,
          status: r.policy.status,
          validFrom: fromDbDate(r.policy.validFrom),
          validTo: fromDbDate(r.policy.validTo),
        }
      : null;
  const ends =
    fromDbDateOrNull(r.followOnPolicy?.validTo ?? null) ?? policy?.validTo ?? fromDbDateOrNull(r.insuredUntil);
  return {
    id: r.id,
    registeredOn: fromDbDate(r.registeredOn),
    cardNumber: r.cardNumber,
    code: r.code,
    baseCategory: r.baseCategory,
    holder: fullName(r.person),
    pin: r.person.pin,
    documentNumber: r.person.documentNumber,
    outcome: r.outcome,
    policy,
    insuredUntil: fromDbDateOrNull(r.insuredUntil),
    followsOn: fromDbDateOrNull(r.followsOn),
    followOnPolicy:
      r.followOnPolicy?.validFrom && r.followOnPolicy.validTo
        ? {
            id: r.followOnPolicy.id,
            number: r.followOnPolicy.number,
            validFrom: fromDbDate(r.followOnPolicy.validFrom),
            validTo: fromDbDate(r.followOnPolicy.validTo),
          }
        : null,
    endsSoon:
      ends !== null && compareDates(ends, today) >= 0 && compareDates(ends, addDays(today, ENDS_SOON_DAYS)) <= 0,
  };
}

export type PregnancyListFilter = { q?: string; endsSoon?: boolean; page?: number };

/**
 * The women registered at the doctor's own health organization, newest first (issue 13). The organization is in the
 * `where`; `q` matches a PIN, a document number, a card number or the start of a surname.
 */
export async function listPregnancyRegistrations(
  user: StaffUser,
  today: CalendarDate,
  filter: PregnancyListFilter = {},
) {
  if (!canRegisterPregnancy(user)) return { rows: [], total: 0 };
  const q = filter.q?.trim();
  const soon = toDbDate(addDays(today, ENDS_SOON_DAYS));
  const conditions: Prisma.PregnancyRegistrationWhereInput[] = [];
  if (q) {
    conditions.push({
      OR: [
        { cardNumber: q },
        { person: { pin: q } },
        { person: { documentNumber: q.toUpperCase() } },
        { person: { lastName: { startsWith: q, mode: "insensitive" } } },
      ],
    });
  }
  if (filter.endsSoon) {
    conditions.push({
      OR: [
        { policy: { validTo: { gte: toDbDate(today), lte: soon } } },
        { followOnPolicyId: null, insuredUntil: { gte: toDbDate(today), lte: soon } },
        { followOnPolicy: { validTo: { gte: toDbDate(today), lte: soon } } },
      ],
    });
  }
  const where: Prisma.PregnancyRegistrationWhereInput = {
    healthOrganizationId: user.healthOrganizationId!,
    AND: conditions,
  };
  const page = Math.max(1, filter.page ?? 1);
  const [rows, total] = await Promise.all([
    db.pregnancyRegistration.findMany({
      where,
      select,
      orderBy: [{ registeredOn: "desc" }, { createdAt: "desc" }],
      take: PREGNANCY_PAGE_SIZE,
      skip: (page - 1) * PREGNANCY_PAGE_SIZE,
    }),
    db.pregnancyRegistration.count({ where }),
  ]);
  return { rows: rows.map((r) => toView(r, today)), total };
}

/**
 * One registration of the doctor's own organization; another organization's answers "not found" like a missing one
 * (STYLE §4), and the attempt is audited.
 */
export async function findPregnancyRegistration(
  user: StaffUser,
  id: string,
  today: CalendarDate,
): Promise<PregnancyRegistrationView | null> {
  if (!canRegisterPregnancy(user) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db.pregnancyRegistration.findFirst({
    where: { id, healthOrganizationId: user.healthOrganizationId! },
    select,
  });
  if (row) return toView(row, today);
  if (await db.pregnancyRegistration.count({ where: { id } })) {
    await writeAccessDenied({ id: user.id, label: user.login }, "pregnancy.register", `PregnancyRegistration:${id}`);
  }
  return null;
}
