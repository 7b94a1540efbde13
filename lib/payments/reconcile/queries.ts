import { canReconcilePayments, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ReconciliationResult } from "./registry-csv";

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

/** An upload and, for its lines missing on our side, which have been registered since. */
export async function findRegistryUpload(user: StaffUser, id: string) {
  if (!canReconcilePayments(user) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const upload = await db.registryUpload.findUnique({ where: { id } });
  if (!upload) return null;
  const result = upload.result as unknown as ReconciliationResult;
  const registered = new Map(
    (
      await db.payment.findMany({
        where: {
          channel: upload.provider,
          externalTxnId: { in: result.missingOurs.slice(0, 1000).map((l) => l.txnId) },
        },
        select: { externalTxnId: true, policy: { select: { number: true } } },
      })
    ).map((p) => [p.externalTxnId, p.policy?.number ?? ""]),
  );
  return { upload, result, registered };
}
