import { canManageUsers, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export async function listStaffUsers(user: StaffUser) {
  if (!canManageUsers(user)) return [];
  return db.user.findMany({
    select: {
      id: true,
      login: true,
      fullName: true,
      role: true,
      active: true,
      createdAt: true,
      office: { select: { nameRu: true, nameKy: true } },
      healthOrganization: { select: { nameRu: true, nameKy: true } },
    },
    orderBy: [{ role: "asc" }, { login: "asc" }],
  });
}

export async function listOfficesAndOrganizations() {
  const [offices, organizations] = await Promise.all([
    db.territorialOffice.findMany({ select: { code: true, nameRu: true, nameKy: true }, orderBy: { id: "asc" } }),
    db.healthOrganization.findMany({ select: { code: true, nameRu: true, nameKy: true }, orderBy: { id: "asc" } }),
  ]);
  return { offices, organizations };
}

/** The account a sign-in names (login is stored lower-case). */
export async function findUserForSignIn(login: string) {
  return db.user.findUnique({ where: { login } });
}

/** What a session is checked against on every request: the account (while active), its session version, and
 * whether its second factor is enrolled. */
export async function findStaffSession(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      login: true,
      fullName: true,
      role: true,
      officeId: true,
      healthOrganizationId: true,
      active: true,
      sessionVersion: true,
      totpEnabledAt: true,
    },
  });
  if (!user || !user.active) return null;
  const { active: _active, sessionVersion, totpEnabledAt, ...staff } = user;
  return { user: staff as StaffUser, sessionVersion, secondFactorEnrolled: totpEnabledAt !== null };
}
