import { canReconcilePayments, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ReconciliationResult } from "./registry-csv";
import { pageReconcileRows, type ReconcileKind } from "./rows";

export async function listRegistryUploads(user: StaffUser) {
  if (!canReconcilePayments(user)) return [];
  return db.registryUpload.findMany({
    select: {
      id: true,
      provider: true,
      fileName: true,
      lineCount: true,
      matched: true,
      missingOurs: true,
      missingTheirs: true,
      mismatched: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/**
 * An upload, one page of its rows (every kind or one), and for the page's lines missing on our side, which have been
 * registered since.
 */
export async function findRegistryUpload(
  user: StaffUser,
  id: string,
  filter: { kind: ReconcileKind | null; page: number } = { kind: null, page: 1 },
) {
  if (!canReconcilePayments(user) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const upload = await db.registryUpload.findUnique({ where: { id } });
  if (!upload) return null;
  const page = pageReconcileRows(upload.result as unknown as ReconciliationResult, filter);
  const registered = new Map(
    (
      await db.payment.findMany({
        where: {
          channel: upload.provider,
          externalTxnId: { in: page.rows.filter((r) => r.kind === "missingOurs").map((r) => r.txnId) },
        },
        select: { externalTxnId: true, policy: { select: { number: true } } },
      })
    ).map((p) => [p.externalTxnId, p.policy?.number ?? ""]),
  );
  // Lines held for a second officer's approval (issue 11, hole 4): shown as waiting instead of a register button.
  const pending = new Set(
    (
      await db.paymentApproval.findMany({
        where: {
          channel: upload.provider,
          status: "PENDING",
          externalTxnId: { in: page.rows.filter((r) => r.kind === "missingOurs").map((r) => r.txnId) },
        },
        select: { externalTxnId: true },
      })
    ).map((a) => a.externalTxnId),
  );
  return { upload, page, registered, pending };
}
