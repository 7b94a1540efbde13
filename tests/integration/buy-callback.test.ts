import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getReceipt } from "../../app/api/v1/orders/[secret]/receipt/route";
import { POST as callbackPost } from "../../app/api/v1/payments/test-acquirer/callback/route";
import { GET as getStatus } from "../../app/api/v1/status/route";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import type { BuyDraft } from "../../lib/orders/draft";
import { createOrderFromDraft } from "../../lib/orders/mutations";
import { findOrderBySecret } from "../../lib/orders/queries";
import { listRefundQueue } from "../../lib/refunds/queries";
import { ZRefundQueueFilter } from "../../lib/refunds/case.schema";
import {
  signTestAcquirerNotification,
  type TestAcquirerNotificationBody,
} from "../../lib/payments/acquirer/test-acquirer";
import { postAcquirerCallback } from "../support/acquirer";
import { createExternalCoverage, createPerson, makePin, staffStub } from "../support/factories";

const dbKind = resolveDbTarget().kind;
const PAID_AT = "2026-03-10T06:00:00.000Z"; // 12:00 in Bishkek, 10 March → in force 15 March 2026 – 14 March 2027 (cl. 5)

function citizenDraft(pin = makePin("MALE", "1985-05-15")): BuyDraft {
  return {
    idKind: "PIN",
    pin,
    lastName: "Сыдыков",
    firstName: "Эрлан",
    phone: "+996700123456",
    category: "CITIZEN",
    termMonths: 12,
  };
}

async function newOrder(draft: BuyDraft = citizenDraft()) {
  const created = await createOrderFromDraft(draft, "ru", new Date());
  if (!created.ok) throw new Error(`order refused: ${created.refusals.map((r) => r.code).join()}`);
  return db.purchaseOrder.findUniqueOrThrow({ where: { id: created.orderId } });
}

function notification(
  order: { id: string; priceSom: number },
  o: Partial<TestAcquirerNotificationBody> = {},
): TestAcquirerNotificationBody {
  return {
    txnId: `TA-${randomBytes(12).toString("base64url")}`,
    orderRef: order.id,
    amountSom: order.priceSom,
    status: "CONFIRMED",
    paidAt: PAID_AT,
    ...o,
  };
}

function callback(n: TestAcquirerNotificationBody, secret?: string) {
  return postAcquirerCallback(n, secret);
}

async function effects(orderId: string) {
  const order = await db.purchaseOrder.findUniqueOrThrow({ where: { id: orderId } });
  const payments = await db.payment.findMany({ where: { purchaseOrder: { id: orderId } } });
  const policies = order.pin
    ? await db.policy.count({ where: { person: { pin: order.pin } } })
    : await db.policy.count({ where: { person: { documentNumber: order.documentNumber } } });
  const people = order.pin
    ? await db.person.count({ where: { pin: order.pin } })
    : await db.person.count({ where: { documentNumber: order.documentNumber } });
  return { status: order.status, payments: payments.length, policies, people };
}

async function rejections(reason: string) {
  const rows = await db.auditLog.findMany({ where: { action: "payment.callback_rejected" } });
  return rows.filter((r) => (r.after as { reason?: string } | null)?.reason === reason);
}

describe(`the test acquirer's callback on ${dbKind} (cl. 17–21: one payment = one person = one policy)`, () => {
  it("pays an order once, however often the notification is replayed (5 replays)", async () => {
    const order = await newOrder();
    expect(order).toMatchObject({ status: "PENDING", priceSom: 1840, termMonths: 12, category: "CITIZEN" });
    const n = notification(order);
    const first = await callback(n);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ result: "paid", duplicate: false });
    expect(body.policyNumber).toMatch(/^E-2026-\d{7}$/);
    for (let i = 0; i < 5; i++) {
      const again = await callback(n);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ result: "paid", policyNumber: body.policyNumber, duplicate: true });
    }
    expect(await effects(order.id)).toEqual({ status: "PAID", payments: 1, policies: 1, people: 1 });
    const paid = await db.purchaseOrder.findUniqueOrThrow({
      where: { id: order.id },
      include: { policy: { include: { notifications: true } }, payment: true },
    });
    expect(paid.payment).toMatchObject({
      channel: "PORTAL",
      externalTxnId: n.txnId,
      amountSom: 1840,
      account: order.pin,
      status: "CONFIRMED",
    });
    expect(paid.policy).toMatchObject({
      number: body.policyNumber,
      channel: "ONLINE",
      status: "ISSUED",
      priceSom: 1840,
    });
    expect(paid.policy!.validFrom!.toISOString().slice(0, 10)).toBe("2026-03-15");
    expect(paid.policy!.validTo!.toISOString().slice(0, 10)).toBe("2027-03-14");
    // SMS outbox (both kinds), in the order's language
    expect(paid.policy!.notifications.map((x) => x.kind).sort()).toEqual(["PAYMENT_RECEIVED", "POLICY_EFFECTIVE"]);
    expect(paid.policy!.notifications.every((x) => x.phone === "+996700123456")).toBe(true);
  });

  it("creates exactly one payment and one policy from 10 concurrent identical notifications", async () => {
    const order = await newOrder();
    const n = notification(order);
    const responses = await Promise.all(Array.from({ length: 10 }, () => callback(n)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.policyNumber)).size).toBe(1);
    expect(bodies.filter((b) => b.duplicate === false)).toHaveLength(1);
    expect(await effects(order.id)).toEqual({ status: "PAID", payments: 1, policies: 1, people: 1 });
  });

  it("rejects a wrong signature with 401, changes nothing and records the attempt", async () => {
    const order = await newOrder();
    const before = (await rejections("BAD_SIGNATURE")).length;
    const res = await callback(notification(order), "not-the-shared-secret");
    expect(res.status).toBe(401);
    expect(await effects(order.id)).toEqual({ status: "PENDING", payments: 0, policies: 0, people: 0 });
    expect((await rejections("BAD_SIGNATURE")).length).toBe(before + 1);

    // an unsigned body, and a signed body altered afterwards, are the same forgery
    const n = notification(order);
    const { body, headers } = signTestAcquirerNotification(n);
    const tampered = body.replace(n.txnId, `${n.txnId}X`);
    expect((await callbackPost(new Request("http://x/cb", { method: "POST", body: tampered, headers }))).status).toBe(
      401,
    );
    expect(
      (
        await callbackPost(
          new Request("http://x/cb", { method: "POST", body, headers: { "content-type": "application/json" } }),
        )
      ).status,
    ).toBe(401);
    expect(await effects(order.id)).toMatchObject({ status: "PENDING", payments: 0, policies: 0 });
  });

  it("rejects an amount that is not the order's price, changes nothing and records it", async () => {
    const order = await newOrder();
    const res = await callback(notification(order, { amountSom: 1000 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ result: "rejected", reason: "AMOUNT_MISMATCH" });
    expect(await effects(order.id)).toEqual({ status: "PENDING", payments: 0, policies: 0, people: 0 });
    const logged = (await rejections("AMOUNT_MISMATCH")).filter((r) => r.entityId === order.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.after).toMatchObject({ amountSom: 1000, expectedSom: 1840 });
    expect(logged[0]!.actorLabel).toBe("acquirer:test-acquirer");
  });

  it("a declined payment leaves no payment, no policy and no person; a later 'confirmation' issues nothing and goes to the refunds queue", async () => {
    const order = await newOrder();
    const res = await callback(notification(order, { status: "DECLINED" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: "declined" });
    expect(await effects(order.id)).toEqual({ status: "DECLINED", payments: 0, policies: 0, people: 0 });
    // Issue 9: money received is never dropped — the late confirmation is recorded for a refund, nothing is issued.
    const late = notification(order);
    const res2 = await callback(late);
    expect(res2.status).toBe(200);
    expect(await res2.json()).toEqual({ result: "refund_due", reason: "CONFIRMED_AFTER_DECLINED", duplicate: false });
    expect(await effects(order.id)).toEqual({ status: "REJECTED", payments: 0, policies: 0, people: 0 });
    expect(await db.purchaseOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      rejectionReason: "CONFIRMED_AFTER_DECLINED",
      rejectedTxnId: late.txnId,
    });
  });

  it("money taken but the rules refuse on the payment day: the order is REJECTED with the reason, nothing is issued", async () => {
    const person = await createPerson();
    const order = await newOrder(citizenDraft(person.pin!));
    // Insured through employment since the order was placed (cl. 12.2): no policy may be sold.
    await createExternalCoverage(person.id, "2026-01-01", "2026-12-31");
    const n = notification(order);
    const res = await callback(n);
    expect(res.status).toBe(422);
    const after = await db.purchaseOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({
      status: "REJECTED",
      rejectionReason: "INSURED_ELSEWHERE",
      rejectedTxnId: n.txnId,
      paymentId: null,
      policyId: null,
    });
    // The Fund's refund officers see it to return the money (cl. 32); nobody else does.
    const officer = staffStub();
    const refundCase = await db.refundCase.findUniqueOrThrow({ where: { sourceKey: `order:${order.id}` } });
    expect(refundCase).toMatchObject({ ground: "REFUSED_BY_RULES", state: "SENT", reason: "INSURED_ELSEWHERE" });
    const all = ZRefundQueueFilter.parse({});
    expect((await listRefundQueue(officer, all, "2026-03-10")).rows.map((r) => r.id)).toContain(refundCase.id);
    expect((await listRefundQueue({ ...officer, role: "CLERK", officeId: 1 }, all, "2026-03-10")).rows).toEqual([]);
    expect(await db.payment.count({ where: { purchaseOrder: { id: order.id } } })).toBe(0);
    expect((await rejections("REFUSED_BY_RULES")).some((r) => r.entityId === order.id)).toBe(true);
    expect(await db.auditLog.findFirst({ where: { action: "order.rejected", entityId: order.id } })).toMatchObject({
      before: { status: "PENDING" },
      after: { status: "REJECTED", rejectionReason: "INSURED_ELSEWHERE" },
    });
    // A replay of the same notification changes nothing more.
    expect((await callback(notification(order))).status).toBe(409);
  });

  it("never pays the same order twice: a second transaction for a paid order is refused", async () => {
    const order = await newOrder();
    expect((await callback(notification(order))).status).toBe(200);
    const second = await callback(notification(order));
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ result: "rejected", reason: "ORDER_ALREADY_PAID" });
    expect(await effects(order.id)).toEqual({ status: "PAID", payments: 1, policies: 1, people: 1 });
  });

  it("answers an unknown order or a malformed notification without changing anything", async () => {
    const ghost = { id: "00000000-0000-4000-8000-000000000000", priceSom: 1840 };
    expect((await callback(notification(ghost))).status).toBe(404);
    const { headers } = signTestAcquirerNotification(notification(ghost));
    const body = "{not json";
    const signed = signTestAcquirerNotification({} as TestAcquirerNotificationBody);
    expect(
      (await callbackPost(new Request("http://x/cb", { method: "POST", body: signed.body, headers: signed.headers })))
        .status,
    ).toBe(400);
    expect((await callbackPost(new Request("http://x/cb", { method: "POST", body, headers }))).status).toBe(401);
  });

  it("sells a foreigner without a PIN 6 months for 5955 som, identified by the document", async () => {
    const documentNumber = `AB${String(Date.now()).slice(-7)}`;
    const order = await newOrder({
      idKind: "DOCUMENT",
      documentType: "FOREIGN_PASSPORT",
      documentNumber,
      birthDate: "1990-01-01",
      sex: "MALE",
      lastName: "Smith",
      firstName: "John",
      phone: "+996555123456",
      category: "FOREIGNER",
      termMonths: 6,
    });
    expect(order).toMatchObject({ priceSom: 5955, termMonths: 6, pin: null, documentNumber });
    const res = await callback(notification(order));
    expect(res.status).toBe(200);
    const view = await findOrderBySecret(order.secret);
    expect(view?.policy).toMatchObject({
      validFrom: "2026-03-15",
      validTo: "2026-09-14",
      termMonths: 6,
      priceSom: 5955,
    });
    const person = await db.person.findFirstOrThrow({ where: { documentNumber } });
    expect(person).toMatchObject({ pin: null, documentType: "FOREIGN_PASSPORT", category: "FOREIGNER", sex: "MALE" });
  });

  it("the status API shows the new policy as `next` until its first day and as `coverage` from then on", async () => {
    const draft = citizenDraft();
    const order = await newOrder(draft);
    const paid = await (await callback(notification(order))).json();
    const status = async (on: string) =>
      (await getStatus(new Request(`http://localhost/api/v1/status?pin=${draft.pin}&on=${on}`))).json();
    expect(await status("2026-03-14")).toEqual({
      insured: false,
      on: "2026-03-14",
      coverage: null,
      next: { policyNumber: paid.policyNumber, validFrom: "2026-03-15", validTo: "2027-03-14" },
    });
    expect(await status("2026-03-15")).toEqual({
      insured: true,
      on: "2026-03-15",
      next: null,
      coverage: { source: "policy", policyNumber: paid.policyNumber, validFrom: "2026-03-15", validTo: "2027-03-14" },
    });
    expect((await status("2027-03-14")).insured).toBe(true);
    expect((await status("2027-03-15")).insured).toBe(false);
  });
});

describe(`orders and their confirmation link on ${dbKind}`, () => {
  it("prices the order on the server and refuses what the rules refuse, creating nothing", async () => {
    const child = await createOrderFromDraft(citizenDraft(makePin("FEMALE", "2015-01-01")), "ru", new Date());
    expect(child).toEqual({ ok: false, refusals: [expect.objectContaining({ code: "CITIZEN_UNDER_16" })] });
    const employed = await createPerson();
    await createExternalCoverage(employed.id, "2020-01-01", "2099-12-31");
    const insured = await createOrderFromDraft(citizenDraft(employed.pin!), "ru", new Date());
    expect(insured.ok).toBe(false);
    expect((insured as { refusals: { code: string }[] }).refusals.map((r) => r.code)).toContain("INSURED_ELSEWHERE");
    const wrongTerm = await createOrderFromDraft({ ...citizenDraft(), termMonths: 6 }, "ru", new Date());
    expect((wrongTerm as { refusals: { code: string }[] }).refusals.map((r) => r.code)).toEqual(["TERM_NOT_ALLOWED"]);
    expect(await db.purchaseOrder.count({ where: { pin: { in: [employed.pin!] } } })).toBe(0);
  });

  it("finds an order only by its exact secret; an abandoned order has no policy", async () => {
    const order = await newOrder();
    expect(order.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await findOrderBySecret(order.secret))?.status).toBe("PENDING");
    expect((await findOrderBySecret(order.secret))?.policy).toBeNull();
    expect(await findOrderBySecret(order.secret.slice(0, -1) + (order.secret.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await findOrderBySecret("short")).toBeNull();
    expect(await findOrderBySecret(order.id)).toBeNull();
  });

  it("serves the receipt as a PDF for a paid order's secret and a bare 404 otherwise", async () => {
    const order = await newOrder();
    const receipt = (secret: string, lang = "ky") =>
      getReceipt(new Request(`http://localhost/api/v1/orders/${secret}/receipt?lang=${lang}`), {
        params: Promise.resolve({ secret }),
      });
    expect((await receipt(order.secret)).status).toBe(404); // not paid yet
    await callback(notification(order));
    const res = await receipt(order.secret);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(5000);
    const other = await receipt(randomBytes(32).toString("base64url"));
    expect(other.status).toBe(404);
    expect(await other.text()).toBe("Not found");
  });
});
