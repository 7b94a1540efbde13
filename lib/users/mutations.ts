import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { isBreachedPassword } from "@/lib/auth/breached-passwords";
import { hashPassword } from "@/lib/auth/password";
import {
  encryptTotpSecret,
  hashRecoveryCode,
  matchRecoveryCode,
  newRecoveryCodes,
  totpStep,
} from "@/lib/auth/second-factor";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashResetToken, newResetToken, RESET_LINK_HOURS } from "@/lib/auth/reset-token";
import { placeOfRole, type StaffRole } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  ZChangeStaffRoleInput,
  ZCreateStaffUserInput,
  ZResetPasswordInput,
  type TChangeStaffRoleInput,
  type TCreateStaffUserInput,
} from "./user.schema";

/** The office / health organization a role's account is bound to (`placeOfRole`); codes of others are ignored. */
async function resolvePlace(
  tx: Prisma.TransactionClient,
  input: { role: StaffRole; officeCode?: string; healthOrganizationCode?: string },
): Promise<{ officeId: number | null; healthOrganizationId: number | null }> {
  const place = placeOfRole(input.role);
  if (place === "healthOrganization") {
    const org = await tx.healthOrganization.findUnique({ where: { code: input.healthOrganizationCode ?? "" } });
    if (!org) throw new AppError("errors.healthOrganizationUnknown", { field: "healthOrganizationCode" });
    // a family doctor belongs to the office their organization belongs to
    return { officeId: org.officeId, healthOrganizationId: org.id };
  }
  if (place === "office") {
    const office = await tx.territorialOffice.findUnique({ where: { code: input.officeCode ?? "" } });
    if (!office) throw new AppError("errors.officeUnknown", { field: "officeCode" });
    return { officeId: office.id, healthOrganizationId: null };
  }
  return { officeId: null, healthOrganizationId: null };
}

const ACCOUNT_FIELDS = {
  id: true,
  login: true,
  role: true,
  officeId: true,
  healthOrganizationId: true,
  active: true,
} as const;

/** Creates a staff account (CLI `npm run user:create`, the admin workspace, the demo seed). */
export async function createStaffUser(actor: AuditActor, raw: TCreateStaffUserInput, client: Db = defaultDb) {
  const input = ZCreateStaffUserInput.parse(raw);
  if (isBreachedPassword(input.password)) throw new AppError("auth.passwordBreached", { field: "password" });
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const { officeId, healthOrganizationId } = await resolvePlace(tx, input);
    const existing = await tx.user.findUnique({ where: { login: input.login } });
    if (existing) throw new AppError("errors.loginTaken", { field: "login" });
    const user = await tx.user.create({
      data: {
        login: input.login,
        fullName: input.fullName,
        role: input.role,
        passwordHash,
        officeId,
        healthOrganizationId,
      },
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
    await writeAudit(tx, { actor, action: "user.create", entity: "User", entityId: user.id, after: user });
    return user;
  });
}

/**
 * Blocks or unblocks an account. A blocked account cannot sign in (auth-options checks `active`) and its sessions end
 * at their next request: the session check re-reads `active`, and blocking also moves `sessionVersion` on, so a
 * session from before the block stays dead after an unblock.
 */
export async function setStaffUserActive(actor: AuditActor, userId: string, active: boolean, client: Db = defaultDb) {
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, login: true, active: true } });
    if (!before) throw new AppError("errors.notFound");
    if (actor.id === userId && !active) throw new AppError("errors.cannotBlockSelf");
    const after = await tx.user.update({
      where: { id: userId },
      data: active ? { active } : { active, sessionVersion: { increment: 1 } },
      select: { id: true, login: true, active: true },
    });
    await writeAudit(tx, {
      actor,
      action: active ? "user.unblock" : "user.block",
      entity: "User",
      entityId: userId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Enrols the second factor: the code from the app proves it holds the secret. Returns the ten recovery codes, shown
 * once (only their hashes are kept). Audited without the secret or the codes. An account that has one keeps it.
 */
export async function enrolSecondFactor(
  actor: AuditActor,
  userId: string,
  secretBase32: string,
  code: string,
  client: Db = defaultDb,
): Promise<string[]> {
  const step = totpStep(secretBase32, code);
  if (step === null) throw new AppError("auth.totpInvalid", { field: "code" });
  const codes = newRecoveryCodes();
  await client.$transaction(async (tx) => {
    // Only an account without one: a session alone (a stolen cookie) must not bind another authenticator and lock
    // its owner out.
    const enrolled = await tx.user.updateMany({
      where: { id: userId, totpSecret: null },
      data: {
        totpSecret: encryptTotpSecret(secretBase32),
        totpEnabledAt: new Date(),
        // the enrolment code is spent: it cannot sign in as well
        totpLastStep: step,
        recoveryCodeHashes: codes.map(hashRecoveryCode),
      },
    });
    if (enrolled.count === 0) throw new AppError("auth.totpAlreadyEnrolled", { field: "code" });
    await writeAudit(tx, { actor, action: "user.second_factor_enrol", entity: "User", entityId: userId });
  });
  return codes;
}

/**
 * An admin removes a staff member's second factor (they lost the authenticator and the recovery codes): the secret and
 * the codes go, every session of the account ends, and the account enrols a new one at its next sign-in (required
 * roles cannot do anything else first). Never one's own — another admin does it, so a stolen admin session cannot
 * strip its own account's factor. Audited.
 */
export async function resetSecondFactor(actor: AuditActor, userId: string, client: Db = defaultDb): Promise<void> {
  if (actor.id === userId) throw new AppError("administration.errors.ownSecondFactor");
  await client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { login: true } });
    if (!user) throw new AppError("errors.notFound");
    const reset = await tx.user.updateMany({
      where: { id: userId, totpSecret: { not: null } },
      data: {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        recoveryCodeHashes: [],
        sessionVersion: { increment: 1 },
      },
    });
    if (reset.count === 0) throw new AppError("administration.errors.noSecondFactor");
    await writeAudit(tx, {
      actor,
      action: "user.second_factor_reset",
      entity: "User",
      entityId: userId,
      after: { login: user.login },
    });
  });
}

/**
 * Uses a TOTP code at sign-in (issue 11: single-use within its window): true when it matches a time-step later than
 * the last one accepted for this account, which it then becomes — in one conditional update, so two sign-ins racing
 * with the same code cannot both pass. A replayed code is audited.
 */
export async function spendTotpCode(
  userId: string,
  login: string,
  secretBase32: string,
  code: string,
  client: Db = defaultDb,
): Promise<boolean> {
  const step = totpStep(secretBase32, code);
  if (step === null) return false;
  const spent = await client.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  if (spent.count === 1) return true;
  await writeAudit(client, {
    actor: { id: userId, label: login },
    action: "auth.totp_replayed",
    entity: "User",
    entityId: userId,
  });
  return false;
}

/** Uses up one recovery code at sign-in: true when it matched (and is now gone). Audited. */
export async function spendRecoveryCode(userId: string, login: string, code: string, client: Db = defaultDb) {
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { recoveryCodeHashes: true } });
    const i = user ? matchRecoveryCode(user.recoveryCodeHashes, code) : -1;
    if (!user || i < 0) return false;
    const left = user.recoveryCodeHashes.filter((_, j) => j !== i);
    await tx.user.update({ where: { id: userId }, data: { recoveryCodeHashes: left } });
    await writeAudit(tx, {
      actor: { id: userId, label: login },
      action: "auth.recovery_code_used",
      entity: "User",
      entityId: userId,
      after: { left: left.length },
    });
    return true;
  });
}

/** "Sign out everywhere": every session issued before this moment stops counting at its next request. */
export async function signOutEverywhere(actor: AuditActor, userId: string, client: Db = defaultDb) {
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actor, action: "auth.sign_out_everywhere", entity: "User", entityId: userId });
  });
}

/**
 * The admin changes an account's role and its office or health organization (issue 15). The account's sessions end
 * (sessionVersion): it signs in again under the new role. Audited with before/after.
 */
export async function changeStaffRole(actor: AuditActor, raw: TChangeStaffRoleInput, client: Db = defaultDb) {
  const input = ZChangeStaffRoleInput.parse(raw);
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: ACCOUNT_FIELDS });
    if (!before) throw new AppError("errors.notFound");
    if (actor.id === input.userId && input.role !== before.role)
      throw new AppError("administration.errors.cannotChangeOwnRole", { field: "role" });
    const place = await resolvePlace(tx, input);
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, ...place, sessionVersion: { increment: 1 } },
      select: ACCOUNT_FIELDS,
    });
    await writeAudit(tx, { actor, action: "user.change_role", entity: "User", entityId: after.id, before, after });
    return after;
  });
}

/**
 * Issues a one-time password-reset link for an account (issue 15): returns the token, which the admin sees once; only
 * its hash is stored. Older unused links of the account stop working. Audited without the token.
 */
export async function issuePasswordReset(
  actor: AuditActor,
  userId: string,
  at: Date = new Date(),
  client: Db = defaultDb,
): Promise<{ token: string; expiresAt: Date; login: string }> {
  const token = newResetToken();
  const expiresAt = new Date(at.getTime() + RESET_LINK_HOURS * 3600_000);
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, login: true, active: true } });
    if (!user) throw new AppError("errors.notFound");
    if (!user.active) throw new AppError("administration.errors.resetBlockedAccount");
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
    await tx.passwordResetToken.create({ data: { userId, tokenHash: hashResetToken(token), expiresAt } });
    await writeAudit(tx, {
      actor,
      action: "user.password_reset_link",
      entity: "User",
      entityId: userId,
      after: { login: user.login, expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt, login: user.login };
  });
}

/**
 * Sets a new password through a one-time link: the password policy first (length, breached list), then in one
 * transaction the link is spent by a conditional update (unused, unexpired — two tabs cannot both use it), the
 * password replaced and every session of the account ended. An unknown, used or expired link is one translated error.
 */
export async function resetPasswordWithToken(
  raw: { token: string; password: string; passwordConfirm: string },
  at: Date = new Date(),
  client: Db = defaultDb,
): Promise<{ login: string }> {
  const input = ZResetPasswordInput.parse(raw);
  if (isBreachedPassword(input.password)) throw new AppError("auth.passwordBreached", { field: "password" });
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const tokenHash = hashResetToken(input.token);
    const spent = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: at }, user: { active: true } },
      data: { usedAt: at },
    });
    if (spent.count !== 1) {
      const link = await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { usedAt: true } });
      throw new AppError(
        link && link.usedAt === null
          ? "administration.errors.resetLinkExpired"
          : "administration.errors.resetLinkInvalid",
      );
    }
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, login: true },
    });
    await writeAudit(tx, {
      actor: { id: user.id, label: user.login },
      action: "user.password_reset",
      entity: "User",
      entityId: user.id,
    });
    return { login: user.login };
  });
}
