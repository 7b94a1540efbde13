import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Electronic policy number (cl. 18): E-<year of payment>-<serial>, e.g. E-2026-0000123. The serial comes from the
 * PostgreSQL sequence "policy_number_seq" (migration policy_number_sequence): unique without a lock, so concurrent
 * payments do not queue behind each other. A rolled-back payment leaves a gap, which numbers may have.
 */
export async function nextElectronicPolicyNumber(tx: Tx, paymentDay: string): Promise<string> {
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"policy_number_seq"') AS n`;
  return `E-${paymentDay.slice(0, 4)}-${String(rows[0]!.n).padStart(7, "0")}`;
}

/** `count` electronic policy numbers at once (a contract's batch, cl. 31): the same sequence and form as above. */
export async function nextElectronicPolicyNumbers(tx: Tx, paymentDay: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"policy_number_seq"') AS n
    FROM generate_series(1, ${count}::int)`;
  return rows.map((r) => `E-${paymentDay.slice(0, 4)}-${String(r.n).padStart(7, "0")}`);
}
