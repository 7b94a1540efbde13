import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";

// Money is never doubled: (channel, external transaction id) is unique in the database itself, not by a read-then-write.
describe("payments are unique per channel and external transaction id", () => {
  const payment = (channel: "QUICKPAY" | "MEGACOM", txn: string) => ({
    channel,
    externalTxnId: txn,
    amountSom: 1840,
    paidAt: new Date("2026-03-10T04:00:00Z"),
    payerName: "Тестов Тест",
    status: "CONFIRMED" as const,
  });

  it("refuses a second payment with the same channel and transaction id, even when written concurrently", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => db.payment.create({ data: payment("QUICKPAY", "777000111") })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/Unique constraint|P2002/);
    expect(await db.payment.count({ where: { externalTxnId: "777000111" } })).toBe(1);
  });

  it("allows the same transaction id from another channel", async () => {
    await db.payment.create({ data: payment("MEGACOM", "777000111") });
    expect(await db.payment.count({ where: { externalTxnId: "777000111" } })).toBe(2);
  });
});
