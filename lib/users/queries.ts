import { canManageUsers, type StaffUser } from "@/lib/auth/permissions";
import { hashResetToken } from "@/lib/auth/reset-token";
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

/** One account for the admin's account page (null for anyone else, or when there is none). */
export async function findStaffUserForAdmin(user: StaffUser, id: string) {
  if (!canManageUsers(user)) return null;
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      login: true,
      fullName: true,
      role: true,
      active: true,
      office: { select: { code: true, nameRu: true, nameKy: true } },
      healthOrganization: { select: { code: true, nameRu: true, nameKy: true } },
      totpEnabledAt: true,
    },
  });
}

/**
 * What a password-reset link is worth when opened (issue 15): "valid" (with the account's login, for the form's
 * heading), "expired", or "invalid" (unknown, already used or retired, or the account is blocked).
 */
export async function findResetLinkState(
  token: string,
  at: Date = new Date(),
): Promise<{ state: "valid"; login: string } | { state: "expired" | "invalid" }> {
  if (token.length > 200) return { state: "invalid" };
  const link = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { login: true, active: true } } },
  });
  if (!link || link.usedAt !== null || !link.user.active) return { state: "invalid" };
  if (link.expiresAt <= at) return { state: "expired" };
  return { state: "valid", login: link.user.login };
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
