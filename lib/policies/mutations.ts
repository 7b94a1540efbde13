import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Electronic policy number (cl. 18): E-<year of payment>-<serial>, e.g. E-2026-0000123. The serial comes from the
 * PostgreSQL sequence "policy_number_seq" (migration policy_number_sequence): unique without a lock, so concurrent
 * payments do not queue behind each other. A rolled-back payment leaves a gap, which numbers may have.
 * The form, in SQL — the one place it is written (the payment's single write statement builds it in place too):
 * `year` and `serial` are SQL text expressions; the serial is at least 7 digits.
 */
export const electronicPolicyNumberSql = (year: string, serial: string) =>
  `'E-' || ${year} || '-' || lpad(${serial}, greatest(7, length(${serial})), '0')`;

const NUMBERS_SQL = `SELECT ${electronicPolicyNumberSql("$1::text", "s.v")} AS "number"
  FROM (SELECT g, nextval('"policy_number_seq"')::text AS v FROM generate_series(1, $2::int) AS g) AS s ORDER BY s.g`;

/** `count` electronic policy numbers at once (a contract's batch, cl. 31), in the sequence's order. */
export async function nextElectronicPolicyNumbers(tx: Tx, paymentDay: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await tx.$queryRawUnsafe<{ number: string }[]>(NUMBERS_SQL, paymentDay.slice(0, 4), count);
  return rows.map((r) => r.number);
}

/** One electronic policy number: the payment day's year and the sequence's next serial. */
export async function nextElectronicPolicyNumber(tx: Tx, paymentDay: string): Promise<string> {
  return (await nextElectronicPolicyNumbers(tx, paymentDay, 1))[0]!;
}
