import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import { canReconcilePayments, canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PaymentApprovalKind, PaymentChannel, Prisma } from "@/lib/generated/prisma/client";

// Issue 11, hole 4 (four eyes; interpretation I33): a cash-desk receipt or a registry row dated more than
// PAYMENT_DATE_WINDOW_DAYS before it reached us is held here until another staff member approves it. Until then no
// payment and no policy exist. The requester never decides: checked here, and by a database trigger
// (migration …_payment_dates_four_eyes) should any other code path try.

type Tx = Prisma.TransactionClient;
type Approval = NonNullable<Awaited<ReturnType<typeof db.paymentApproval.findUnique>>>;

export type HoldRequest = {
  kind: PaymentApprovalKind;
  channel: PaymentChannel;
  externalTxnId: string;
  /** what to register on approval; `receivedAt` inside is the instant the payment reached us */
  input: Prisma.InputJsonObject;
  paidAt: Date;
  amountSom: number;
  officeId: number | null;
};

const actorOf = (user: StaffUser) => ({ id: user.id, label: user.login });

/** Who may see and decide an approval: a receipt by its office's clerks, a registry row by the Fund's staff. */
function mayDecide(user: StaffUser, approval: Pick<Approval, "kind" | "officeId">): boolean {
  return approval.kind === "CASH_RECEIPT"
    ? canUseOfficeWorkspace(user) && approval.officeId !== null && user.officeId === approval.officeId
    : canReconcilePayments(user);
}

/**
 * Holds a late receipt or registry row for a second person. The same receipt again while it waits (or after it was
 * registered) is refused; after a rejection it may be brought again (a corrected form), reusing the row.
 */
export async function holdForApproval(user: StaffUser, hold: HoldRequest): Promise<{ approvalId: string }> {
  return db.$transaction(async (tx) => {
    const registered = await tx.payment.findUnique({
      where: { channel_externalTxnId: { channel: hold.channel, externalTxnId: hold.externalTxnId } },
      select: { id: true },
    });
    // A receipt's form shows the error at its number; a registry row's button shows it as the form's error.
    const at = hold.kind === "CASH_RECEIPT" ? { field: "receiptNumber" } : {};
    if (registered) throw new AppError("errors.receiptAlreadyRegistered", at);
    const existing = await tx.paymentApproval.findUnique({
      where: { channel_externalTxnId: { channel: hold.channel, externalTxnId: hold.externalTxnId } },
    });
    if (existing && existing.status !== "REJECTED")
      throw new AppError(
        existing.status === "PENDING" ? "approvals.errors.pending" : "errors.receiptAlreadyRegistered",
        at,
      );
    const data = {
      kind: hold.kind,
      input: hold.input,
      paidAt: hold.paidAt,
      amountSom: hold.amountSom,
      officeId: hold.officeId,
      requestedById: user.id,
      requestedAt: new Date(),
      status: "PENDING" as const,
      decidedById: null,
      decidedAt: null,
    };
    const approval = existing
      ? await tx.paymentApproval.update({ where: { id: existing.id }, data })
      : await tx.paymentApproval.create({
          data: { ...data, channel: hold.channel, externalTxnId: hold.externalTxnId },
        });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "payment.approval_request",
      entity: "PaymentApproval",
      entityId: approval.id,
      after: {
        kind: hold.kind,
        channel: hold.channel,
        externalTxnId: hold.externalTxnId,
        paidAt: hold.paidAt.toISOString(),
        amountSom: hold.amountSom,
      },
    });
    return { approvalId: approval.id };
  });
}

/**
 * The approval a user is about to decide: another office's (or a kind they may not decide) answers "not found" and
 * the attempt is audited; the requester's own is refused (four eyes), audited too; a decided one is refused.
 */
export async function approvalForDecision(user: StaffUser, id: string): Promise<Approval> {
  const approval = /^[0-9a-f-]{36}$/i.test(id) ? await db.paymentApproval.findUnique({ where: { id } }) : null;
  if (!approval) throw new AppError("errors.notFound");
  if (!mayDecide(user, approval)) {
    await writeAudit(db, {
      actor: actorOf(user),
      action: "payment.approval_out_of_scope",
      entity: "PaymentApproval",
      entityId: approval.id,
    });
    throw new AppError("errors.notFound");
  }
  if (approval.requestedById === user.id) {
    await writeAudit(db, {
      actor: actorOf(user),
      action: "payment.approval_own_refused",
      entity: "PaymentApproval",
      entityId: approval.id,
    });
    throw new AppError("approvals.errors.fourEyes");
  }
  if (approval.status !== "PENDING") throw new AppError("approvals.errors.decided");
  return approval;
}

/** Marks a pending approval decided, inside the caller's transaction (the payment's, for an approval). */
export async function markApprovalDecided(
  tx: Tx,
  user: StaffUser,
  approval: Pick<Approval, "id" | "kind" | "externalTxnId">,
  decision: { status: "APPROVED"; paymentId: string; policyNumber: string } | { status: "REJECTED" },
): Promise<void> {
  const updated = await tx.paymentApproval.updateMany({
    where: { id: approval.id, status: "PENDING" },
    data: {
      status: decision.status,
      decidedById: user.id,
      decidedAt: new Date(),
      ...(decision.status === "APPROVED" ? { paymentId: decision.paymentId } : {}),
    },
  });
  // Another approver got there first: this decision rolls back with whatever it was part of.
  if (updated.count !== 1) throw new AppError("approvals.errors.decided");
  await writeAudit(tx, {
    actor: actorOf(user),
    action: decision.status === "APPROVED" ? "payment.approve" : "payment.approval_reject",
    entity: "PaymentApproval",
    entityId: approval.id,
    after: {
      kind: approval.kind,
      externalTxnId: approval.externalTxnId,
      ...(decision.status === "APPROVED" ? { paymentId: decision.paymentId, policyNumber: decision.policyNumber } : {}),
    },
  });
}

export async function rejectApproval(user: StaffUser, id: string): Promise<void> {
  const approval = await approvalForDecision(user, id);
  await db.$transaction((tx) => markApprovalDecided(tx, user, approval, { status: "REJECTED" }));
}
