import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { fromDbDate, toDbDate } from "../../lib/db/calendar";
import { todayInBishkek } from "../../lib/dates";
import { jobsConfig } from "../../lib/jobs/config";
import {
  clearRateLimits,
  drainOutbox,
  expireOrders,
  queueRenewalReminders,
  reconcilePayments,
} from "../../lib/jobs/jobs";
import { resolveDbTarget } from "../../lib/db/target";
import { recordTestAcquirerDecision } from "../../lib/payments/acquirer/mutations";
import { SendError, type MessageSender, type OutboxMessage } from "../../lib/jobs/sender";
import { createOrderFromDraft } from "../../lib/orders/mutations";
import { addDays } from "../../lib/rules";
import { createPerson, createPolicy, makePin } from "../support/factories";

// Issue 16, housekeeping jobs: each is safe when two workers run it at the same moment (the database decides).

const config = { ...jobsConfig({}), orderPendingExpiryMinutes: 60, outboxMaxAttempts: 3, outboxBackoffSeconds: 60 };

async function newOrder(i: number) {
  const created = await createOrderFromDraft(
    {
      idKind: "PIN",
      pin: makePin(i % 2 ? "MALE" : "FEMALE", `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`),
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
  return created.orderId;
}

describe("expire-orders", () => {
  it("expires each PENDING order older than the limit exactly once with two workers running at once", async () => {
    const now = new Date();
    const old = await Promise.all([1, 2, 3, 4, 5].map(newOrder));
    const fresh = await newOrder(6);
    await db.purchaseOrder.updateMany({
      where: { id: { in: old } },
      data: { createdAt: new Date(now.getTime() - 61 * 60_000) },
    });
    const due = await db.purchaseOrder.count({
      where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - 60 * 60_000) } },
    });
    const runs = await Promise.all([expireOrders({ now, config }), expireOrders({ now, config })]);
    expect(runs[0]!.expired + runs[1]!.expired).toBe(due);
    const rows = await db.purchaseOrder.findMany({ where: { id: { in: [...old, fresh] } } });
    expect(rows.filter((o) => old.includes(o.id)).every((o) => o.status === "EXPIRED")).toBe(true);
    expect(rows.find((o) => o.id === fresh)!.status).toBe("PENDING");
    // a later run finds nothing left to do
    expect((await expireOrders({ now, config })).expired).toBe(0);
  });
});

describe("reconcile-payments (the acquirer's status query)", () => {
  const minutesAgo = (now: Date, m: number) => new Date(now.getTime() - m * 60_000);

  /** An order sent to the test acquirer `age` minutes ago, and what its "bank" decided (nothing: still paying). */
  async function sentToPay(i: number, age: number, decision: "CONFIRMED" | "DECLINED" | null, now: Date) {
    const id = await newOrder(i);
    const sessionId = `reconcile-${id}`;
    const order = await db.purchaseOrder.update({
      where: { id },
      data: { providerRef: sessionId, createdAt: minutesAgo(now, age) },
    });
    if (decision) {
      await recordTestAcquirerDecision({
        sessionId,
        txnId: `TA-${sessionId}`,
        orderRef: id,
        amountSom: order.priceSom,
        status: decision,
        paidAt: minutesAgo(now, age - 1),
      });
    }
    return id;
  }

  it("applies what the acquirer decided when the notification never came, once, with two workers", async () => {
    const now = new Date();
    const paid = await sentToPay(11, 10, "CONFIRMED", now);
    const declined = await sentToPay(12, 10, "DECLINED", now);
    const paying = await sentToPay(13, 10, null, now);
    const fresh = await sentToPay(14, 1, "CONFIRMED", now);
    const runs = await Promise.all([reconcilePayments({ now, config }), reconcilePayments({ now, config })]);
    expect(runs.every((r) => r.errors === 0)).toBe(true);

    const rows = await db.purchaseOrder.findMany({ where: { id: { in: [paid, declined, paying, fresh] } } });
    const status = (id: string) => rows.find((o) => o.id === id)!.status;
    expect([status(paid), status(declined), status(paying), status(fresh)]).toEqual([
      "PAID",
      "DECLINED",
      "PENDING",
      "PENDING",
    ]);
    // one payment and one policy for the paid order, whatever the two workers did
    const payments = await db.payment.findMany({ where: { externalTxnId: `TA-reconcile-${paid}` } });
    expect(payments).toHaveLength(1);
    expect(rows.find((o) => o.id === paid)!.policyId).not.toBeNull();
    const audit = await db.auditLog.findFirst({ where: { actorLabel: "reconcile:test-acquirer" } });
    expect(audit).not.toBeNull();
    // the signed notification arriving late changes nothing more
    const again = await reconcilePayments({ now, config });
    expect(await db.payment.count({ where: { externalTxnId: `TA-reconcile-${paid}` } })).toBe(1);
    expect(again.applied).toBe(0);
  });

  it("asks once about an order that expired, and sends a late payment to the refunds queue", async () => {
    const now = new Date();
    const id = await sentToPay(15, 70, "CONFIRMED", now);
    await db.purchaseOrder.update({ where: { id }, data: { status: "EXPIRED" } });
    const first = await reconcilePayments({ now, config });
    expect(first.applied).toBeGreaterThanOrEqual(1);
    const order = await db.purchaseOrder.findUniqueOrThrow({ where: { id } });
    expect(order.status).toBe("REJECTED");
    expect(order.rejectionReason).toBe("CONFIRMED_AFTER_EXPIRED");
    expect(order.acquirerCheckedAt).not.toBeNull();
    expect(await db.refundCase.count({ where: { orderId: id } })).toBe(1);
    expect(await db.payment.count({ where: { externalTxnId: `TA-reconcile-${id}` } })).toBe(0);
  });
});

describe("renewal-reminders", () => {
  it("queues the 30- and 7-day reminders once per policy and channel, even when two runs race", async () => {
    const today = todayInBishkek();
    const a = await createPerson();
    await db.person.update({ where: { id: a.id }, data: { phone: "+996700111222", email: "a@example.kg" } });
    const in20 = await createPolicy(a.id, { validFrom: addDays(today, -345), validTo: addDays(today, 20) });
    const b = await createPerson();
    await db.person.update({ where: { id: b.id }, data: { phone: "+996700333444" } });
    const in5 = await createPolicy(b.id, { validFrom: addDays(today, -360), validTo: addDays(today, 5) });
    // renewed already: a later policy runs past this one, so no reminder
    const c = await createPerson();
    await db.person.update({ where: { id: c.id }, data: { phone: "+996700555666" } });
    const renewed = await createPolicy(c.id, { validFrom: addDays(today, -345), validTo: addDays(today, 20) });
    await createPolicy(c.id, { validFrom: addDays(today, 21), validTo: addDays(today, 385) });
    // too far away yet
    const d = await createPerson();
    await db.person.update({ where: { id: d.id }, data: { phone: "+996700555777" } });
    const far = await createPolicy(d.id, { validFrom: addDays(today, -300), validTo: addDays(today, 40) });

    await Promise.all([queueRenewalReminders({ config }), queueRenewalReminders({ config })]);
    await queueRenewalReminders({ config });

    const rows = await db.notification.findMany({
      where: { policyId: { in: [in20.id, in5.id, renewed.id, far.id] } },
      orderBy: [{ kind: "asc" }, { channel: "asc" }],
    });
    expect(rows.map((r) => [r.policyId, r.kind, r.channel])).toEqual([
      [in20.id, "RENEWAL_30_DAYS", "SMS"],
      [in20.id, "RENEWAL_30_DAYS", "EMAIL"],
      [in5.id, "RENEWAL_7_DAYS", "SMS"],
    ]);
    const sms = rows[0]!;
    expect(sms.text).toContain(in20.number);
    expect(sms.text).toContain(`${config.portalUrl}/ru/buy`);
    expect(fromDbDate(sms.sendOn)).toBe(today);
    expect(rows[1]!.email).toBe("a@example.kg");
  });

  it("writes the reminder in the language the policy was bought in", async () => {
    const today = todayInBishkek();
    const orderId = await newOrder(7);
    const person = await createPerson();
    await db.person.update({ where: { id: person.id }, data: { phone: "+996700777888" } });
    const policy = await createPolicy(person.id, { validFrom: addDays(today, -360), validTo: addDays(today, 3) });
    await db.purchaseOrder.update({ where: { id: orderId }, data: { locale: "ky", policyId: policy.id } });
    await queueRenewalReminders({ config });
    const row = await db.notification.findFirstOrThrow({ where: { policyId: policy.id } });
    expect(row.text).toContain("ММК фонду");
    expect(row.text).toContain(`${config.portalUrl}/ky/buy`);
  });
});

describe("drain-outbox", () => {
  async function message(phone = "+996700999000") {
    const person = await createPerson();
    const policy = await createPolicy(person.id, { validFrom: "2026-01-01", validTo: "2026-12-31" });
    return db.notification.create({
      data: {
        kind: "POLICY_EFFECTIVE",
        channel: "SMS",
        phone,
        text: "test",
        policyId: policy.id,
        sendOn: toDbDate(todayInBishkek()),
      },
    });
  }

  it("retries a failing message with exponential backoff and gives up after the last attempt", async () => {
    const m = await message();
    const failing: MessageSender = {
      async send(msg) {
        if (msg.id === m.id) throw new SendError("GATEWAY_DOWN");
      },
    };
    const t0 = new Date();
    await drainOutbox({ now: t0, config, sender: failing });
    let row = await db.notification.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "GATEWAY_DOWN" });
    expect(row.nextAttemptAt!.getTime() - t0.getTime()).toBe(60_000);

    // not due again before its time
    await drainOutbox({ now: new Date(t0.getTime() + 30_000), config, sender: failing });
    expect((await db.notification.findUniqueOrThrow({ where: { id: m.id } })).attempts).toBe(1);

    const t1 = new Date(t0.getTime() + 61_000);
    await drainOutbox({ now: t1, config, sender: failing });
    row = await db.notification.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(row.nextAttemptAt!.getTime() - t1.getTime()).toBe(120_000);

    await drainOutbox({ now: new Date(t1.getTime() + 121_000), config, sender: failing });
    row = await db.notification.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, nextAttemptAt: null, sentAt: null });
  });

  it("sends each due message once when two workers drain at the same moment", async () => {
    const ids = (await Promise.all([1, 2, 3].map(() => message()))).map((m) => m.id);
    const sent: OutboxMessage[] = [];
    const sender: MessageSender = {
      async send(msg) {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(msg);
      },
    };
    const now = new Date();
    await Promise.all([drainOutbox({ now, config, sender }), drainOutbox({ now, config, sender })]);
    expect(
      sent
        .filter((s) => ids.includes(s.id))
        .map((s) => s.id)
        .sort(),
    ).toEqual([...ids].sort());
    const rows = await db.notification.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "SENT" && r.sentAt !== null)).toBe(true);
  });

  it("gives up at once on a message without a recipient", async () => {
    const m = await db.notification.create({
      data: {
        kind: "RENEWAL_7_DAYS",
        channel: "EMAIL",
        text: "test",
        sendOn: toDbDate(todayInBishkek()),
      },
    });
    await drainOutbox({ config, sender: { send: async () => {} } });
    expect(await db.notification.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "FAILED",
      lastError: "NO_RECIPIENT",
    });
  });
});

describe("clear-rate-limits", () => {
  const onPostgres = resolveDbTarget().kind === "postgres";

  it.skipIf(!onPostgres)(
    "deletes the shared counters whose window is over, once with two workers at once",
    async () => {
      const now = new Date();
      const prefix = `job-clear-${now.getTime()}`;
      // deleted a minute after the window ended (the clocks of several instances may differ a little)
      for (const [k, expire] of [
        ["over", now.getTime() - 120_000],
        ["just-over", now.getTime() - 1_000],
        ["live", now.getTime() + 60_000],
      ] as const)
        await db.$executeRaw`INSERT INTO "rate_limit"."counters" ("key", "points", "expire") VALUES (${`${prefix}:${k}`}, 1, ${expire})`;
      const runs = await Promise.all([clearRateLimits({ now }), clearRateLimits({ now })]);
      expect(runs[0]!.cleared + runs[1]!.cleared).toBeGreaterThanOrEqual(1);
      const left = await db.$queryRaw<{ key: string }[]>`
      SELECT "key" FROM "rate_limit"."counters" WHERE "key" LIKE ${`${prefix}:%`}`;
      expect(left.map((r) => r.key).sort()).toEqual([`${prefix}:just-over`, `${prefix}:live`]);
    },
  );

  it.skipIf(!onPostgres)(
    "runs from the command line (npm run jobs:run), which prints what it did",
    () => {
      // the CLI imports the same server modules as the app (`server-only` included: lib/cli/tsconfig.cli.json)
      const run = spawnSync("npm", ["run", "-s", "jobs:run", "--", "clear-rate-limits"], {
        encoding: "utf8",
        env: process.env,
        timeout: 50_000,
      });
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.stdout).toMatch(/^clear-rate-limits: \{"cleared":\d+\}\n$/);
      expect(run.status).toBe(0);
    },
    90_000,
  );

  it.skipIf(onPostgres)(
    "run before the embedded database was prepared, says so and creates nothing",
    () => {
      const dir = path.join(os.tmpdir(), `oms-unprepared-${process.pid}-${Date.now()}`, "pglite");
      const { DATABASE_URL: _url, ...env } = process.env;
      const run = spawnSync("npm", ["run", "-s", "jobs:run", "--", "expire-orders"], {
        encoding: "utf8",
        env: { ...env, PGLITE_DIR: dir },
        timeout: 50_000,
      });
      expect(run.stderr).toMatch(/has not been prepared yet: run "npm run db:prepare"/);
      expect(run.stderr).not.toMatch(/ENOENT/);
      expect(run.status).toBe(1);
      expect(fs.existsSync(path.dirname(dir))).toBe(false);
    },
    90_000,
  );

  it.skipIf(onPostgres)("on PGlite the counters live in process memory: nothing to delete", async () => {
    expect(await clearRateLimits()).toEqual({ cleared: 0 });
  });
});
