import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { writeAccessDenied } from "@/lib/audit/mutations";
import { authOptions } from "./auth-options";
import { hasPermission, type PermissionName, type StaffUser } from "@/lib/auth/permissions";
import { findActiveStaffUser } from "@/lib/users/queries";

/**
 * The signed-in staff member, re-read from the database on every request: a blocked account or a changed role takes
 * effect at once, not when the 8-hour token expires.
 */
export async function getStaffUser(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? findActiveStaffUser(id) : null;
}

export async function auditRefusal(user: StaffUser | null, permission: string, target?: string): Promise<void> {
  await writeAccessDenied({ id: user?.id ?? null, label: user?.login ?? "anonymous" }, permission, target);
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
