import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { newTotpSecret } from "../../lib/auth/second-factor";
import { db } from "../../lib/db";
import { authOptions } from "../../lib/web/auth-options";
import {
  changeStaffRole,
  createStaffUser,
  enrolSecondFactor,
  issuePasswordReset,
  resetPasswordWithToken,
  resetSecondFactor,
  setStaffUserActive,
} from "../../lib/users/mutations";
import { findResetLinkState, findStaffSession } from "../../lib/users/queries";

// Issue 15: the admin's staff accounts — role and place, blocking (sign-in and sessions end), one-time reset links.
type Authorize = (c: Record<string, string>, req: unknown) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const PASSWORD = "correct-horse-battery-1";

async function newClerk(login: string, actor = { id: null as string | null, label: "test-admin" }) {
  return createStaffUser(actor, {
    login,
    fullName: "Тест Сотрудник",
    role: "CLERK",
    officeCode: "NARYN",
    password: PASSWORD,
  });
}

async function rejects(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ name: "AppError", code });
}

describe("role and place", () => {
  it("makes a clerk a doctor of a health organization; audited before/after; the old sessions end", async () => {
    const admin = await createStaffUser(
      { id: null, label: "seed" },
      { login: "t.admin.roles", fullName: "Админ", role: "ADMIN", password: PASSWORD },
    );
    const actor = { id: admin.id, label: admin.login };
    const clerk = await newClerk("t.role.clerk");
    const before = await findStaffSession(clerk.id);
    await changeStaffRole(actor, { userId: clerk.id, role: "DOCTOR", healthOrganizationCode: "CFM_OSH_CITY" });
    const after = await findStaffSession(clerk.id);
    const osh = await db.territorialOffice.findUniqueOrThrow({ where: { code: "OSH" } });
    expect(after?.user).toMatchObject({ role: "DOCTOR", officeId: osh.id });
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    const [row] = await db.auditLog.findMany({ where: { action: "user.change_role", entityId: clerk.id } });
    expect(row).toMatchObject({ actorId: admin.id, entity: "User" });
    expect(row!.before).toMatchObject({ role: "CLERK", healthOrganizationId: null });
    expect(row!.after).toMatchObject({ role: "DOCTOR", officeId: osh.id });

    await rejects(
      changeStaffRole(actor, { userId: admin.id, role: "CLERK", officeCode: "NARYN" }),
      "administration.errors.cannotChangeOwnRole",
    );
    await rejects(
      changeStaffRole(actor, { userId: clerk.id, role: "CLERK", officeCode: "MARS" }),
      "errors.officeUnknown",
    );
    await expect(changeStaffRole(actor, { userId: clerk.id, role: "CLERK" })).rejects.toMatchObject({
      name: "ZodError",
    });
    expect((await findStaffSession(clerk.id))?.user.role).toBe("DOCTOR");
  });
});

describe("blocking", () => {
  it("a blocked account cannot sign in and its session stops counting, even after an unblock", async () => {
    const clerk = await newClerk("t.block.clerk");
    expect(await authorize({ login: "t.block.clerk", password: PASSWORD }, {})).toMatchObject({ id: clerk.id });
    const session = await findStaffSession(clerk.id);
    await setStaffUserActive({ id: null, label: "test-admin" }, clerk.id, false);
    expect(await authorize({ login: "t.block.clerk", password: PASSWORD }, {})).toBeNull();
    expect(await findStaffSession(clerk.id)).toBeNull();
    await setStaffUserActive({ id: null, label: "test-admin" }, clerk.id, true);
    // the session issued before the block carried the old version: it stays over
    expect((await findStaffSession(clerk.id))!.sessionVersion).not.toBe(session!.sessionVersion);
    const rows = await db.auditLog.findMany({
      where: { entityId: clerk.id, action: { in: ["user.block", "user.unblock"] } },
    });
    expect(rows.map((r) => r.action)).toEqual(["user.block", "user.unblock"]);
    expect(rows[0]!.before).toMatchObject({ active: true });
    expect(rows[0]!.after).toMatchObject({ active: false });
  });
});

describe("one-time password-reset links", () => {
  it("stores only the hash, sets a new password once, ends the sessions, and is then spent", async () => {
    const clerk = await newClerk("t.reset.clerk");
    const { token } = await issuePasswordReset({ id: null, label: "test-admin" }, clerk.id);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: clerk.id } });
    expect(stored.tokenHash).not.toContain(token);
    const audits = await db.auditLog.findMany({ where: { entityId: clerk.id }, select: { before: true, after: true } });
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(await findResetLinkState(token)).toEqual({ state: "valid", login: "t.reset.clerk" });

    await expect(resetPasswordWithToken({ token, password: "short", passwordConfirm: "short" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      resetPasswordWithToken({ token, password: "new-password-123", passwordConfirm: "other-password-1" }),
    ).rejects.toMatchObject({ name: "ZodError" });
    const version = (await findStaffSession(clerk.id))!.sessionVersion;

    await resetPasswordWithToken({ token, password: "new-password-123", passwordConfirm: "new-password-123" });
    expect(await authorize({ login: "t.reset.clerk", password: "new-password-123" }, {})).toMatchObject({
      id: clerk.id,
    });
    expect(await authorize({ login: "t.reset.clerk", password: PASSWORD }, {})).toBeNull();
    expect((await findStaffSession(clerk.id))!.sessionVersion).toBe(version + 1);
    expect(await db.auditLog.count({ where: { action: "user.password_reset", entityId: clerk.id } })).toBe(1);

    expect(await findResetLinkState(token)).toEqual({ state: "invalid" });
    await rejects(
      resetPasswordWithToken({ token, password: "third-password-1", passwordConfirm: "third-password-1" }),
      "administration.errors.resetLinkInvalid",
    );
  });

  it("an expired link is refused with its own message; a newer link retires the older one", async () => {
    const clerk = await newClerk("t.expire.clerk");
    const issuedAt = new Date(Date.now() - 25 * 3600_000);
    const { token: old } = await issuePasswordReset({ id: null, label: "test-admin" }, clerk.id, issuedAt);
    expect(await findResetLinkState(old)).toEqual({ state: "expired" });
    await rejects(
      resetPasswordWithToken({ token: old, password: "new-password-123", passwordConfirm: "new-password-123" }),
      "administration.errors.resetLinkExpired",
    );
    const { token: first } = await issuePasswordReset({ id: null, label: "test-admin" }, clerk.id);
    const { token: second } = await issuePasswordReset({ id: null, label: "test-admin" }, clerk.id);
    expect(await findResetLinkState(first)).toEqual({ state: "invalid" });
    expect(await findResetLinkState(second)).toMatchObject({ state: "valid" });
    expect(await findResetLinkState("x".repeat(43))).toEqual({ state: "invalid" });

    await setStaffUserActive({ id: null, label: "test-admin" }, clerk.id, false);
    expect(await findResetLinkState(second)).toEqual({ state: "invalid" });
    await rejects(
      issuePasswordReset({ id: null, label: "test-admin" }, clerk.id),
      "administration.errors.resetBlockedAccount",
    );
    expect(await authorize({ login: "t.expire.clerk", password: PASSWORD }, {})).toBeNull();
  });
});

describe("a lost authenticator", () => {
  it("an admin removes another account's second factor: codes gone, sessions ended, enrolment again; audited", async () => {
    const admin = await createStaffUser(
      { id: null, label: "seed" },
      { login: "t.admin.totp", fullName: "Админ", role: "ADMIN", password: PASSWORD },
    );
    const actor = { id: admin.id, label: admin.login };
    const officer = await createStaffUser(actor, {
      login: "t.totp.officer",
      fullName: "Тест Возвраты",
      role: "REFUND_OFFICER",
      password: PASSWORD,
    });
    const secret = newTotpSecret();
    await enrolSecondFactor(
      { id: officer.id, label: officer.login },
      officer.id,
      secret,
      new TOTP({ secret }).generate(),
    );
    const before = await db.user.findUniqueOrThrow({ where: { id: officer.id } });

    await rejects(
      resetSecondFactor({ id: officer.id, label: officer.login }, officer.id),
      "administration.errors.ownSecondFactor",
    );
    await resetSecondFactor(actor, officer.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await findStaffSession(officer.id))?.secondFactorEnrolled).toBe(false);
    // a new authenticator can be enrolled now
    const next = newTotpSecret();
    await enrolSecondFactor(
      { id: officer.id, label: officer.login },
      officer.id,
      next,
      new TOTP({ secret: next }).generate(),
    );
    // nothing to remove from an account without one
    await resetSecondFactor(actor, officer.id);
    await rejects(resetSecondFactor(actor, officer.id), "administration.errors.noSecondFactor");
    const audits = await db.auditLog.findMany({ where: { action: "user.second_factor_reset", entityId: officer.id } });
    expect(audits.map((a) => a.actorId)).toEqual([admin.id, admin.id]);
  });
});
