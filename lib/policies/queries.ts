import { canUseClinicWorkspace, canViewOfficeRecords, canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export const JOURNAL_PAGE_SIZE = 50;

const journalSelect = {
  id: true,
  number: true,
  category: true,
  termMonths: true,
  priceSom: true,
  status: true,
  validFrom: true,
  validTo: true,
  channel: true,
  createdAt: true,
  person: { select: { pin: true, lastName: true, firstName: true, patronymic: true } },
} as const;

/**
 * The issuance journal of the clerk's own office (cl. 16), newest first. The office is in the `where`: a clerk
 * can never list another office's policies, whatever they pass.
 */
export async function findOfficeJournal(user: StaffUser, page = 1) {
  if (!canUseOfficeWorkspace(user)) return { rows: [], total: 0 };
  const where = { officeId: user.officeId! };
  const [rows, total] = await Promise.all([
    db.policy.findMany({
      where,
      select: journalSelect,
      orderBy: { createdAt: "desc" },
      take: JOURNAL_PAGE_SIZE,
      skip: (Math.max(1, page) - 1) * JOURNAL_PAGE_SIZE,
    }),
    db.policy.count({ where }),
  ]);
  return { rows, total };
}

/** One policy of the clerk's office, with holder and payments; null when it does not exist *or* is not theirs. */
export async function findOfficePolicy(user: StaffUser, policyId: string) {
  if (!canUseOfficeWorkspace(user) || !/^[0-9a-f-]{36}$/i.test(policyId)) return null;
  const policy = await db.policy.findFirst({
    where: { id: policyId, officeId: user.officeId! },
    include: {
      person: true,
      office: { select: { nameRu: true, nameKy: true } },
      payments: { orderBy: { paidAt: "asc" } },
    },
  });
  return policy && canViewOfficeRecords(user, policy.officeId) ? policy : null;
}

/** Free pregnancy policies registered at the doctor's own health organization (cl. 24–26). */
export async function findClinicPolicies(user: StaffUser) {
  if (!canUseClinicWorkspace(user)) return [];
  return db.policy.findMany({
    where: { healthOrganizationId: user.healthOrganizationId! },
    select: journalSelect,
    orderBy: { createdAt: "desc" },
    take: JOURNAL_PAGE_SIZE,
  });
}
