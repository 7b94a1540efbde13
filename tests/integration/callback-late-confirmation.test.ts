import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { createOrderFromDraft } from "../../lib/orders/mutations";
import { listRefundQueue } from "../../lib/refunds/queries";
import { ZRefundQueueFilter } from "../../lib/refunds/case.schema";
import type { TestAcquirerNotificationBody } from "../../lib/payments/acquirer/test-acquirer";
import { postAcquirerCallback } from "../support/acquirer";
import { makePin, staffStub } from "../support/factories";

// Issue 9, "Back office money flows": an acquirer's CONFIRMED after the order was DECLINED (or expired) records the
// money in the refunds queue; a decline and a confirm at the same moment end in one state, never in an error 500.

const PAID_AT = "2026-03-10T06:00:00.000Z";
const officer = staffStub();

async function newOrder(i = 0) {
  const pin = makePin(i % 2 ? "MALE" : "FEMALE", `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`);
  const created = await createOrderFromDraft(
    {
      idKind: "PIN",
      pin,
      lastName: "Асанова",
      firstName: "Айгуль",
      phone: "+996700123456",
      category: "CITIZEN",
      termMonths: 12,
    },
    "ru",
    new Date(),
  );
  if (!created.ok) throw new Error(created.refusals.map((r) => r.code).join());
  return db.purchaseOrder.findUniqueOrThrow({ where: { id: created.orderId } });
}

function notification(
  order: { id: string; priceSom: number },
  status: "CONFIRMED" | "DECLINED",
): TestAcquirerNotificationBody {
  return {
    txnId: `TA-${randomBytes(12).toString("base64url")}`,
    orderRef: order.id,
    amountSom: order.priceSom,
    status,
    paidAt: PAID_AT,
  };
}

const callback = (n: TestAcquirerNotificationBody) => postAcquirerCallback(n);

describe("late confirmations and decline/confirm races (issue 9)", () => {
  it("a confirmation after an expiry lands in the refunds queue exactly once, however often it is replayed", async () => {
    const order = await newOrder(1);
    await db.purchaseOrder.update({ where: { id: order.id }, data: { status: "EXPIRED" } });
    const n = notification(order, "CONFIRMED");
    const answers = await Promise.all([callback(n), callback(n), callback(n)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies.filter((b) => b.duplicate === false)).toHaveLength(1);
    expect(bodies.every((b) => b.result === "refund_due" && b.reason === "CONFIRMED_AFTER_EXPIRED")).toBe(true);
    // Issue 14: the refunds queue holds it exactly once (a unique key per order in the database).
    const queued = await db.refundCase.findMany({ where: { orderId: order.id } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      providerTxnId: n.txnId,
      reason: "CONFIRMED_AFTER_EXPIRED",
      amountSom: 1840,
      ground: "LATE_CONFIRMATION",
      state: "SENT",
      channel: "PORTAL",
    });
    const page = await listRefundQueue(
      officer,
      ZRefundQueueFilter.parse({ ground: "LATE_CONFIRMATION" }),
      "2026-03-10",
    );
    expect(page.rows.filter((r) => r.number === queued[0]!.number)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "order.rejected", entityId: order.id } })).toBe(1);
    expect(await db.payment.count({ where: { externalTxnId: n.txnId } })).toBe(0);
    expect(await db.policy.count({ where: { person: { pin: order.pin! } } })).toBe(0);
  });

  it(`50 racing decline/confirm pairs: no 500, one final state each (${resolveDbTarget().kind})`, async () => {
    const orders = [];
    for (let i = 0; i < 50; i++) orders.push(await newOrder(i + 10));
    const results = await Promise.all(
      orders.map(async (order, i) => {
        const confirm = notification(order, "CONFIRMED");
        const decline = notification(order, "DECLINED");
        // A decline is much quicker to process than a payment: give each side a head start in turn (the decline up to
        // ~100 ms, while the payment's transaction is running), so that both outcomes — and the moment in between —
        // really happen.
        const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
        const [a, b] = await Promise.all([
          later(i % 2 ? 0 : i % 10).then(() => callback(confirm)),
          later(i % 2 ? 12 * (i % 25) : 0).then(() => callback(decline)),
        ]);
        return { order, confirm, statuses: [a.status, b.status] };
      }),
    );
    const finals: string[] = [];
    for (const { order, confirm, statuses } of results) {
      expect(statuses.every((s) => s < 500)).toBe(true);
      const final = await db.purchaseOrder.findUniqueOrThrow({ where: { id: order.id } });
      finals.push(final.status);
      const payments = await db.payment.count({ where: { externalTxnId: confirm.txnId } });
      const policies = await db.policy.count({ where: { person: { pin: order.pin! } } });
      if (final.status === "PAID") {
        // The confirmation won: one payment, one policy, the decline changed nothing.
        expect({ payments, policies }).toEqual({ payments: 1, policies: 1 });
      } else {
        // The decline won: nothing issued, the money waits for its refund with the provider's transaction id.
        expect(final).toMatchObject({
          status: "REJECTED",
          rejectionReason: "CONFIRMED_AFTER_DECLINED",
          rejectedTxnId: confirm.txnId,
        });
        expect({ payments, policies }).toEqual({ payments: 0, policies: 0 });
      }
    }
    // Which side wins depends on timing; both outcomes are checked above. Printed to see that the race is real.
    const count = (status: string) => finals.filter((f) => f === status).length;
    console.log(`[race] PAID ${count("PAID")}, REJECTED ${count("REJECTED")}`);
  }, 240_000);
});
