import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { writeAccessDenied, writeAudit } from "@/lib/audit/mutations";
import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import type { TContractInput } from "../contract.schema";

const actorOf = (user: StaffUser) => ({ id: user.id, label: user.login });

function assertClerk(user: StaffUser): asserts user is StaffUser & { officeId: number } {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
}

function data(input: TContractInput) {
  return {
    number: input.number,
    entityName: input.entityName,
    registrationNumber: input.registrationNumber,
    validFrom: toDbDate(input.validFrom),
    validTo: toDbDate(input.validTo),
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
  };
}

/** A contract of the clerk's own office with a legal entity (cl. 29), audited in the same transaction. */
export async function createContract(user: StaffUser, input: TContractInput): Promise<{ id: string }> {
  assertClerk(user);
  try {
    return await db.$transaction(async (tx) => {
      const contract = await tx.contract.create({
        data: { ...data(input), officeId: user.officeId, createdById: user.id },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor: actorOf(user),
        action: "contract.create",
        entity: "Contract",
        entityId: contract.id,
        after: { ...input, officeId: user.officeId },
      });
      return contract;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("contracts.error.numberTaken", { field: "number" });
    throw e;
  }
}

/**
 * Changes a contract of the clerk's office (its details, or its status: a terminated contract takes no new lists);
 * another office's answers "not found" and the attempt is audited.
 */
export async function updateContract(
  user: StaffUser,
  id: string,
  input: TContractInput & { status: "ACTIVE" | "TERMINATED" },
): Promise<{ id: string }> {
  assertClerk(user);
  const before = await db.contract.findFirst({ where: { id, officeId: user.officeId } });
  if (!before) {
    if (await db.contract.count({ where: { id } })) {
      await writeAccessDenied(actorOf(user), "office.workspace", `Contract:${id}`);
    }
    throw new AppError("errors.notFound");
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.contract.update({ where: { id }, data: { ...data(input), status: input.status } });
      await writeAudit(tx, {
        actor: actorOf(user),
        action: "contract.update",
        entity: "Contract",
        entityId: id,
        before: {
          number: before.number,
          entityName: before.entityName,
          registrationNumber: before.registrationNumber,
          validFrom: fromDbDate(before.validFrom),
          validTo: fromDbDate(before.validTo),
          contactName: before.contactName,
          contactPhone: before.contactPhone,
          contactEmail: before.contactEmail,
          status: before.status,
        },
        after: input,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("contracts.error.numberTaken", { field: "number" });
    throw e;
  }
  return { id };
}
