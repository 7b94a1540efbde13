import "server-only";
import { db } from "@/lib/db";

export type TestAcquirerDecision = {
  sessionId: string;
  txnId: string;
  orderRef: string;
  amountSom: number;
  status: "CONFIRMED" | "DECLINED";
  paidAt: Date;
};

/**
 * The test "bank" records its decision before it notifies the portal, as a bank books a payment before it tells the
 * shop. The first decision of a checkout is its only one: a second click (or the other button) changes nothing.
 * Returns the decision in force.
 */
export async function recordTestAcquirerDecision(d: TestAcquirerDecision): Promise<TestAcquirerDecision> {
  await db.testAcquirerTransaction.createMany({ data: [d], skipDuplicates: true });
  const row = await db.testAcquirerTransaction.findUniqueOrThrow({ where: { sessionId: d.sessionId } });
  return { ...row, status: row.status === "CONFIRMED" ? "CONFIRMED" : "DECLINED" };
}
