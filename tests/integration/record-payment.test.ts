import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { recordPayment, type RecordPaymentRequest } from "../../lib/payments/record-payment";
import { makePin } from "../support/factories";
import { terminalPayment } from "../support/terminal-payments";

let txn = Date.now() % 1_000_000_000;

function request(overrides: Partial<RecordPaymentRequest> & { pin?: string } = {}): RecordPaymentRequest {
  const { pin = makePin("MALE", "1985-05-15"), ...rest } = overrides;
  return terminalPayment(pin, {
    channel: "QUICKPAY",
    externalTxnId: String(++txn),
    payer: { name: "Сыдыков Эрлан", phone: "+996700123456" },
    beneficiary: { pin, lastName: "Сыдыков", firstName: "Эрлан", category: "CITIZEN", phone: "+996700123456" },
    actor: { id: null, label: "terminal:quickpay" },
    ...rest,
  });
}

async function countsFor(externalTxnId: string) {
  const payments = await db.payment.findMany({ where: { externalTxnId } });
  const policies = await db.policy.count({ where: { id: { in: payments.map((p) => p.policyId!).filter(Boolean) } } });
  return { payments: payments.length, policies };
}

describe("recordPayment: one payment = one person = one policy (cl. 20–21), never doubled", () => {
  it("creates the payment and the policy, dated by the payment day: paid 10 March → 15 March to 14 March next year (cl. 5)", async () => {
    const r = await recordPayment(request());
    expect(r).toMatchObject({
      outcome: "created",
      paymentDay: "2024-03-10",
      validFrom: "2024-03-15",
      validTo: "2025-03-14",
    });
    if (r.outcome !== "created") return;
    expect(r.policyNumber).toMatch(/^E-2024-\d{7}$/);
    const policy = await db.policy.findUniqueOrThrow({
      where: { id: r.policyId },
      include: { payments: true, notifications: true },
    });
    expect(policy).toMatchObject({ status: "ISSUED", priceSom: 1840, channel: "TERMINAL", category: "CITIZEN" });
    expect(policy.payments).toHaveLength(1);
    expect(policy.notifications.map((n) => n.kind).sort()).toEqual(["PAYMENT_RECEIVED", "POLICY_EFFECTIVE"]);
    expect(
      policy.notifications
        .find((n) => n.kind === "POLICY_EFFECTIVE")!
        .sendOn.toISOString()
        .slice(0, 10),
    ).toBe("2024-03-15");
    expect(await db.auditLog.count({ where: { entityId: { in: [r.paymentId, r.policyId] } } })).toBe(2);
  });

  it("counts a payment at 20:00 UTC on the next Bishkek day", async () => {
    const r = await recordPayment(request({ paidAt: new Date("2024-03-10T20:00:00Z") }));
    expect(r).toMatchObject({
      outcome: "created",
      paymentDay: "2024-03-11",
      validFrom: "2024-03-16",
      validTo: "2025-03-15",
    });
  });

  it("answers a callback replayed 5 times with the first result and changes nothing", async () => {
    const req = request();
    const first = await recordPayment(req);
    expect(first.outcome).toBe("created");
    for (let i = 0; i < 5; i++) {
      const again = await recordPayment({ ...req });
      expect(again).toEqual({ ...first, outcome: "duplicate" });
    }
    expect(await countsFor(req.externalTxnId)).toEqual({ payments: 1, policies: 1 });
    const notifications = await db.notification.count({
      where: { policy: { payments: { some: { externalTxnId: req.externalTxnId } } } },
    });
    expect(notifications).toBe(2);
  });

  it("creates exactly one payment and one policy from 10 concurrent identical requests", async () => {
    const req = request();
    const results = await Promise.all(Array.from({ length: 10 }, () => recordPayment({ ...req })));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(9);
    expect(new Set(results.map((r) => (r as { policyNumber: string }).policyNumber)).size).toBe(1);
    expect(await countsFor(req.externalTxnId)).toEqual({ payments: 1, policies: 1 });
  });

  it("refuses the same transaction id with another account or amount, and changes nothing", async () => {
    const req = request();
    await recordPayment(req);
    const other = await recordPayment({
      ...req,
      account: makePin(),
      beneficiary: { ...req.beneficiary, pin: makePin() },
    });
    expect(other.outcome).toBe("conflict");
    const more = await recordPayment({ ...req, amountSom: 1841 });
    expect(more.outcome).toBe("conflict");
    expect(await countsFor(req.externalTxnId)).toEqual({ payments: 1, policies: 1 });
  });

  it("one transaction id sent at once for 8 different people: one payment and policy, 7 conflicts, nothing else written", async () => {
    // Each request locks its own person, so all 8 reach the write: the unique (channel, externalTxnId) decides, and
    // the losers' single write statement fails and rolls back (issue 17: the write is one raw statement).
    const externalTxnId = String(++txn);
    const pins = Array.from({ length: 8 }, () => makePin());
    const results = await Promise.all(
      pins.map((pin) =>
        recordPayment(request({ pin, externalTxnId, account: pin, beneficiary: { ...request({ pin }).beneficiary } })),
      ),
    );
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "conflict")).toHaveLength(7);
    expect(await countsFor(externalTxnId)).toEqual({ payments: 1, policies: 1 });
    const persons = await db.person.findMany({ where: { pin: { in: pins } }, select: { id: true } });
    expect(await db.policy.count({ where: { personId: { in: persons.map((p) => p.id) } } })).toBe(1);
  });

  it("writes the policy's own number into its messages and its audit rows", async () => {
    const r = await recordPayment(request());
    if (r.outcome !== "created") throw new Error(r.outcome);
    const texts = await db.notification.findMany({ where: { policyId: r.policyId }, select: { text: true } });
    expect(texts).toHaveLength(2);
    for (const { text } of texts) expect(text).toContain(r.policyNumber);
    const audits = await db.auditLog.findMany({ where: { entityId: { in: [r.paymentId, r.policyId] } } });
    expect(audits.map((a) => [a.action, a.entity, a.actorLabel]).sort()).toEqual([
      ["payment.register", "Payment", "terminal:quickpay"],
      ["policy.issue", "Policy", "terminal:quickpay"],
    ]);
    expect(audits.find((a) => a.action === "payment.register")!.after).toMatchObject({
      policyNumber: r.policyNumber,
      amountSom: 1840,
    });
    expect(audits.find((a) => a.action === "policy.issue")!.after).toMatchObject({
      number: r.policyNumber,
      termMonths: 12,
      validFrom: "2024-03-15",
    });
    expect(JSON.stringify([texts, audits.map((a) => a.after)])).not.toContain("⟦");
  });

  it("allows the same transaction id from another channel", async () => {
    const req = request();
    await recordPayment(req);
    const other = await recordPayment({ ...request(), channel: "PAY24", externalTxnId: req.externalTxnId });
    expect(other.outcome).toBe("created");
  });

  it.each([
    ["a citizen under 16 on the payment day (cl. 9)", { birth: "2010-01-01" }, "CITIZEN_UNDER_16"],
    ["a payment before any tariff was in force", { paidAt: new Date("2024-01-20T06:00:00Z") }, "NO_TARIFF"],
  ])("refuses %s and records nothing", async (_name, o, code) => {
    const pin = makePin("MALE", (o as { birth?: string }).birth ?? "1985-05-15");
    const req = request({
      pin,
      account: pin,
      beneficiary: { pin, lastName: "Т", firstName: "Т", category: "CITIZEN" },
      ...((o as { paidAt?: Date }).paidAt ? { paidAt: (o as { paidAt: Date }).paidAt } : {}),
    });
    const r = await recordPayment(req);
    expect(r.outcome).toBe("refused");
    expect((r as { refusals: { code: string }[] }).refusals.map((x) => x.code)).toContain(code);
    expect(await countsFor(req.externalTxnId)).toEqual({ payments: 0, policies: 0 });
    expect(await db.person.count({ where: { pin } })).toBe(0);
  });

  it("refuses an amount that is not the price, telling the price", async () => {
    const req = request({ amountSom: 1000 });
    expect(await recordPayment(req)).toEqual({ outcome: "wrong_amount", paymentDay: "2024-03-10", expectedSom: 1840 });
    expect(await countsFor(req.externalTxnId)).toEqual({ payments: 0, policies: 0 });
  });

  it("sells a foreigner 6 months for 5955 with the 5-day delay", async () => {
    const r = await recordPayment(
      request({
        amountSom: 5955,
        termMonths: 6,
        account: "AB1234567",
        beneficiary: {
          documentType: "FOREIGN_PASSPORT",
          documentNumber: "AB1234567",
          lastName: "Smith",
          firstName: "John",
          sex: "MALE",
          birthDate: "1990-01-01",
          category: "FOREIGNER",
        },
      }),
    );
    expect(r).toMatchObject({ outcome: "created", validFrom: "2024-03-15", validTo: "2024-09-14" });
  });

  it("starts a renewal the day after the running policy ends (SPEC §3), and refuses a third while one is queued", async () => {
    const pin = makePin();
    const base = {
      pin,
      account: pin,
      beneficiary: { pin, lastName: "Р", firstName: "Р", category: "CITIZEN" as const },
    };
    const first = await recordPayment(request({ ...base, paidAt: new Date("2024-03-10T06:00:00Z") }));
    const renewal = await recordPayment(request({ ...base, paidAt: new Date("2025-03-01T06:00:00Z") }));
    expect(first).toMatchObject({ validTo: "2025-03-14" });
    expect(renewal).toMatchObject({ outcome: "created", validFrom: "2025-03-15", validTo: "2026-03-14" });
    const third = await recordPayment(request({ ...base, paidAt: new Date("2025-03-02T06:00:00Z") }));
    expect(third.outcome).toBe("refused");
  });

  it("decides concurrent payments for the same person one after the other", async () => {
    const pin = makePin();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        recordPayment(
          request({ pin, account: pin, beneficiary: { pin, lastName: "К", firstName: "К", category: "CITIZEN" } }),
        ),
      ),
    );
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "refused")).toHaveLength(3);
    const person = await db.person.findUniqueOrThrow({ where: { pin }, include: { policies: true } });
    expect(person.policies).toHaveLength(1);
  });
});
