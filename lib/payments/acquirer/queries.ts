import "server-only";
import { db } from "@/lib/db";
import type { TestAcquirerDecision } from "./mutations";

/** What the test "bank" decided for a checkout session, or null while the person has not pressed a button. */
export async function findTestAcquirerDecision(sessionId: string): Promise<TestAcquirerDecision | null> {
  const row = await db.testAcquirerTransaction.findUnique({ where: { sessionId } });
  if (!row) return null;
  return { ...row, status: row.status === "CONFIRMED" ? "CONFIRMED" : "DECLINED" };
}
