import "server-only";
import { writeAccessDenied, writeAudit } from "@/lib/audit/mutations";
import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { bishkekDate, checkHandover, type CalendarDate, type HandoverRefusal } from "@/lib/rules";
import type { TRecordHandoverInput } from "./handover.schema";
import type { JournalQuery } from "./queries";

const actorOf = (user: StaffUser) => ({ id: user.id, label: user.login });

/**
 * Every print of a paper policy is audited (issue 12); the first print and each re-print are told apart
 * ("policy.print" / "policy.reprint"). The policy row is locked for the moment of the count, so two clerks printing
 * at once cannot both write a "first print".
 */
export async function recordPolicyPrint(user: StaffUser, policy: { id: string; number: string }) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Policy" WHERE id = ${policy.id}::uuid FOR UPDATE`;
    const earlier = await tx.auditLog.count({
      where: { entity: "Policy", entityId: policy.id, action: { in: ["policy.print", "policy.reprint"] } },
    });
    const reprint = earlier > 0;
    await writeAudit(tx, {
      actor: actorOf(user),
      action: reprint ? "policy.reprint" : "policy.print",
      entity: "Policy",
      entityId: policy.id,
      after: { number: policy.number, printNumber: earlier + 1 },
    });
    return { reprint, printNumber: earlier + 1 };
  });
}

/**
 * The journal leaves the portal as a file (PDF, CSV, XLSX) with its holders' PINs: each export is audited with its
 * filters (whether a name/PIN search was used, never its text).
 */
export async function recordJournalExport(user: StaffUser, format: string, query: JournalQuery): Promise<void> {
  await writeAudit(db, {
    actor: actorOf(user),
    action: "journal.export",
    entity: "TerritorialOffice",
    entityId: String(user.officeId),
    after: {
      format,
      number: query.number,
      from: query.from,
      to: query.to,
      status: query.status,
      who: Boolean(query.who),
    },
  });
}

const FIELD_OF: Partial<Record<HandoverRefusal, string>> = { IN_FUTURE: "handedOn", BEFORE_MADE: "handedOn" };

function refuse(code: HandoverRefusal): never {
  throw new AppError(`print.handover.errors.${code}`, { field: FIELD_OF[code] });
}

/**
 * Writes the hand-over to the issuance journal (cl. 16), scoped to the clerk's office and audited in the same
 * transaction. One per policy: the unique key on policyId refuses a second one even when two clerks submit at once.
 */
export async function recordHandover(
  user: StaffUser,
  policyId: string,
  input: TRecordHandoverInput,
  today: CalendarDate,
): Promise<{ handedOn: CalendarDate }> {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
  try {
    return await db.$transaction(async (tx) => {
      const policy = await tx.policy.findFirst({
        where: { id: policyId, officeId: user.officeId! },
        select: { id: true, number: true, status: true, createdAt: true, handover: { select: { id: true } } },
      });
      if (!policy) {
        if (await tx.policy.count({ where: { id: policyId } })) {
          await writeAccessDenied(actorOf(user), "office.workspace", `Policy:${policyId}`);
        }
        throw new AppError("errors.notFound");
      }
      const refusals = checkHandover({
        policyStatus: policy.status,
        madeOn: bishkekDate(policy.createdAt),
        handedOn: input.handedOn,
        today,
        alreadyHandedOver: policy.handover !== null,
      });
      if (refusals.length) refuse(refusals[0]!);
      const representative = input.recipient === "REPRESENTATIVE";
      const handover = await tx.policyHandover.create({
        data: {
          policyId: policy.id,
          handedOn: toDbDate(input.handedOn),
          recipient: input.recipient,
          recipientName: input.recipientName,
          recipientDocumentType: representative ? input.documentType : null,
          recipientDocumentNumber: representative ? input.documentNumber : null,
          recordedById: user.id,
        },
      });
      // The recipient's name and document number stay in the journal, not in the audit row (cl. 12.3).
      await writeAudit(tx, {
        actor: actorOf(user),
        action: "policy.handover",
        entity: "Policy",
        entityId: policy.id,
        after: { number: policy.number, handedOn: input.handedOn, recipient: input.recipient },
      });
      return { handedOn: fromDbDate(handover.handedOn) };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") refuse("ALREADY_HANDED_OVER");
    throw e;
  }
}
