import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { writeAccessDenied } from "@/lib/audit/mutations";
import { authOptions } from "./auth-options";
import { SESSION_MAX_SECONDS, sessionIdleSeconds } from "./session-idle";
import { hasPermission, type PermissionName, type StaffUser } from "@/lib/auth/permissions";
import { secondFactorRequired } from "@/lib/auth/second-factor";
import { findStaffSession } from "@/lib/users/queries";

type SessionState =
  | { kind: "none" }
  | { kind: "enrol"; user: StaffUser }
  | { kind: "ok"; user: StaffUser; secondFactorEnrolled: boolean };

/**
 * The session, checked against the database on every request: a blocked account, a changed role or "sign out
 * everywhere" (session version) takes effect at once; a session idle longer than STAFF_SESSION_IDLE_MINUTES is over,
 * and so is one signed in more than a working day ago (SESSION_MAX_SECONDS, 8 hours);
 * a refund officer or admin without a second factor may only enrol one.
 */
export async function staffSessionState(): Promise<SessionState> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return { kind: "none" };
  if (Date.now() - (session.lastSeen ?? 0) > sessionIdleSeconds() * 1000) return { kind: "none" };
  // a working day from the sign-in at most, however active (the cookie's own expiry moves on as it is renewed)
  if (Date.now() - (session.signedInAt ?? 0) > SESSION_MAX_SECONDS * 1000) return { kind: "none" };
  const found = await findStaffSession(id);
  if (!found || found.sessionVersion !== (session.sessionVersion ?? 0)) return { kind: "none" };
  if (secondFactorRequired(found.user.role) && !found.secondFactorEnrolled) return { kind: "enrol", user: found.user };
  return { kind: "ok", user: found.user, secondFactorEnrolled: found.secondFactorEnrolled };
}

/** The signed-in staff member with a complete sign-in (null otherwise: actions and routes refuse). */
export async function getStaffUser(): Promise<StaffUser | null> {
  const state = await staffSessionState();
  return state.kind === "ok" ? state.user : null;
}

export async function auditRefusal(user: StaffUser | null, permission: string, target?: string): Promise<void> {
  await writeAccessDenied({ id: user?.id ?? null, label: user?.login ?? "anonymous" }, permission, target);
}

/** Page guard: not signed in → sign-in page; signed in without the permission → the forbidden page (logged). */
export async function requirePermission(permission: PermissionName, locale: string): Promise<StaffUser> {
  const state = await staffSessionState();
  if (state.kind === "enrol") redirect(`/${locale}/staff/account/two-factor`);
  if (state.kind === "none") redirect(`/${locale}/staff/sign-in`);
  const user = state.user;
  if (!hasPermission(user, permission)) {
    await auditRefusal(user, permission);
    redirect(`/${locale}/staff/forbidden`);
  }
  return user;
}
