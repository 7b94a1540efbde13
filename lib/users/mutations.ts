import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZCreateStaffUserInput, type TCreateStaffUserInput } from "./user.schema";

/** Creates a staff account (CLI `npm run user:create`, the admin workspace, the demo seed). */
export async function createStaffUser(actor: AuditActor, raw: TCreateStaffUserInput, client: Db = defaultDb) {
  const input = ZCreateStaffUserInput.parse(raw);
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
