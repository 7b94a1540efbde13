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
import { ZCreateStaffUserInput, type TCreateStaffUserInput } from "./user.schema";

/** Creates a staff account (CLI `npm run user:create`, the admin workspace, the demo seed). */
export async function createStaffUser(actor: AuditActor, raw: TCreateStaffUserInput, client: Db = defaultDb) {
  const input = ZCreateStaffUserInput.parse(raw);
  if (isBreachedPassword(input.password)) throw new AppError("auth.passwordBreached", { field: "password" });
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    let officeId: number | null = null;
    let healthOrganizationId: number | null = null;
    if (input.role === "DOCTOR") {
      const org = await tx.healthOrganization.findUnique({ where: { code: input.healthOrganizationCode! } });
      if (!org) throw new AppError("errors.healthOrganizationUnknown", { field: "healthOrganizationCode" });
      healthOrganizationId = org.id;
      officeId = org.officeId;
    } else if (input.role === "CLERK") {
      const office = await tx.territorialOffice.findUnique({ where: { code: input.officeCode! } });
      if (!office) throw new AppError("errors.officeUnknown", { field: "officeCode" });
      officeId = office.id;
    }
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

/** Blocks or unblocks an account; the user's next request is refused (the session callback re-reads `active`). */
export async function setStaffUserActive(actor: AuditActor, userId: string, active: boolean, client: Db = defaultDb) {
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, login: true, active: true } });
    if (!before) throw new AppError("errors.notFound");
    if (actor.id === userId && !active) throw new AppError("errors.cannotBlockSelf");
    const after = await tx.user.update({
      where: { id: userId },
      data: { active },
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
 * once (only their hashes are kept). Audited without the secret or the codes.
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
    await tx.user.update({
      where: { id: userId },
      data: {
        totpSecret: encryptTotpSecret(secretBase32),
        totpEnabledAt: new Date(),
        // the enrolment code is spent: it cannot sign in as well
        totpLastStep: step,
        recoveryCodeHashes: codes.map(hashRecoveryCode),
      },
    });
    await writeAudit(tx, { actor, action: "user.second_factor_enrol", entity: "User", entityId: userId });
  });
  return codes;
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
