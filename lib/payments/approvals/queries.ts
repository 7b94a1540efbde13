import "server-only";
import { canReconcilePayments, canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PendingApprovalView } from "./view-models";

/**
 * Pending approvals the user may decide (issue 11, hole 4): a clerk sees their office's receipts, the Fund's staff
 * the registry rows. The user's own requests are listed too, marked, so they can see them waiting for someone else.
 */
export async function listPendingApprovals(user: StaffUser): Promise<PendingApprovalView[]> {
  const scopes: Prisma.PaymentApprovalWhereInput[] = [];
  if (canUseOfficeWorkspace(user)) scopes.push({ kind: "CASH_RECEIPT", officeId: user.officeId });
  if (canReconcilePayments(user)) scopes.push({ kind: "REGISTRY_LINE" });
  if (scopes.length === 0) return [];
  const rows = await db.paymentApproval.findMany({
    where: { status: "PENDING", OR: scopes },
    select: {
      id: true,
      kind: true,
      channel: true,
      externalTxnId: true,
      paidAt: true,
      amountSom: true,
      requestedAt: true,
      requestedById: true,
      requestedBy: { select: { fullName: true } },
    },
    orderBy: { requestedAt: "asc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    externalTxnId: r.externalTxnId,
    paidAt: r.paidAt.toISOString(),
    amountSom: r.amountSom,
    requestedAt: r.requestedAt.toISOString(),
    requestedBy: r.requestedBy.fullName,
    isOwn: r.requestedById === user.id,
  }));
}
