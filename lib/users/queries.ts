import { canManageUsers, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export async function listStaffUsers(user: StaffUser) {
  if (!canManageUsers(user)) return [];
  return db.user.findMany({
    select: {
      id: true, login: true, fullName: true, role: true, active: true, createdAt: true,
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
