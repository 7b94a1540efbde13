import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import { hasPermission, type PermissionName, type StaffUser } from "./permissions";

/**
 * The signed-in staff member, re-read from the database on every request: a blocked account or a changed role takes
 * effect at once, not when the 8-hour token expires.
 */
export async function getStaffUser(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, login: true, fullName: true, role: true, officeId: true, healthOrganizationId: true, active: true },
  });
  if (!user || !user.active) return null;
  const { active: _active, ...staff } = user;
  return staff;
}

export async function auditRefusal(user: StaffUser | null, permission: string, target?: string) {
  await writeAudit(db, {
    actor: { id: user?.id ?? null, label: user?.login ?? "anonymous" },
    action: "access.denied",
    entity: "Permission",
    entityId: permission,
    after: target ? { target } : undefined,
  });
}

/** Page guard: not signed in → sign-in page; signed in without the permission → the forbidden page (logged). */
export async function requirePermission(permission: PermissionName, locale: string): Promise<StaffUser> {
  const user = await getStaffUser();
  if (!user) redirect(`/${locale}/staff/sign-in`);
  if (!hasPermission(user, permission)) {
    await auditRefusal(user, permission);
    redirect(`/${locale}/staff/forbidden`);
  }
  return user;
}
