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

/** A staff member by id, only while the account is active: a blocked account signs out at its next request. */
export async function findActiveStaffUser(id: string): Promise<StaffUser | null> {
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
    },
  });
  if (!user || !user.active) return null;
  const { active: _active, ...staff } = user;
  return staff;
}

/** The account a sign-in names (login is stored lower-case). */
export async function findUserForSignIn(login: string) {
  return db.user.findUnique({ where: { login } });
}
