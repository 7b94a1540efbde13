import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * The next number of a series, atomically: concurrent transactions wait on the series row, so no two policies ever
 * share a number and none is skipped by a rolled-back transaction's neighbour (a rollback does skip its own).
 */
export async function nextSerial(tx: Tx, series: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "NumberSequence" ("name", "value") VALUES (${series}, 1)
    ON CONFLICT ("name") DO UPDATE SET "value" = "NumberSequence"."value" + 1
    RETURNING "value"`;
  return Number(rows[0]!.value);
}

/** Electronic policy number (cl. 18): E-<year>-<7 digits>, e.g. E-2026-0000123. The year is the payment's. */
export async function nextElectronicPolicyNumber(tx: Tx, paymentDay: string): Promise<string> {
  const year = paymentDay.slice(0, 4);
  const n = await nextSerial(tx, `E-${year}`);
  return `E-${year}-${String(n).padStart(7, "0")}`;
}
