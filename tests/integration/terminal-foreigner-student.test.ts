import { describe, expect, it } from "vitest";
import { GET as getStatus } from "../../app/api/v1/status/route";
import { GET } from "../../app/api/v1/terminal/[provider]/route";
import { GET as GET_SERVICE } from "../../app/api/v1/terminal/[provider]/[service]/route";
import { db } from "../../lib/db";
import { recordPayment, type RecordPaymentRequest } from "../../lib/payments/record-payment";
import { completePersonWithPin } from "../../lib/people/mutations";
import { addDays, bishkekDate, validThrough } from "../../lib/rules";
import { makePin } from "../support/factories";
import { terminalAuthorization } from "../support/terminal-auth";

// Issue 9: a foreigner seen for the first time pays at a terminal with a document number (appendix, algorithm 4),
// checks their status by it, and a clerk later adds the PIN without duplicating anyone; foreign students pay in two
// halves (cl. 4 note, SPEC §2).

let seq = 800_000_000 + (Date.now() % 100_000_000);
const next = () => String(++seq);
const documentNumber = () => `FD${next()}`;

async function terminal(params: Record<string, string>, service?: string) {
  const query = new URLSearchParams(params).toString();
  const headers = { "x-forwarded-for": "127.0.0.1", authorization: terminalAuthorization("quickpay") };
  const res = service
    ? await GET_SERVICE(new Request(`http://127.0.0.1/api/v1/terminal/quickpay/${service}?${query}`, { headers }), {
        params: Promise.resolve({ provider: "quickpay", service }),
      })
    : await GET(new Request(`http://127.0.0.1/api/v1/terminal/quickpay?${query}`, { headers }), {
        params: Promise.resolve({ provider: "quickpay" }),
      });
  const text = await res.text();
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
  const fields = Object.fromEntries(
    [...text.matchAll(/<field(\d+) name="([^"]+)">([^<]*)<\/field\1>/g)].map((m) => [m[2]!, m[3]!]),
  );
  return { result: Number(tag("result")), prvTxn: tag("prv_txn"), comment: tag("comment") ?? "", fields };
}

const pay = (account: string, sum: string, txnDate: string, service = "foreigner", txn = next()) =>
  terminal(
    { command: "pay", txn_id: txn, account, sum, txn_date: txnDate, fio: "Smith John", phone: "0555123456" },
    service,
  );

async function status(query: string) {
  const res = await getStatus(new Request(`http://localhost/api/v1/status?${query}`));
  return { status: res.status, body: await res.json() };
}

describe("a first-time foreigner pays at a terminal with a document number (appendix, algorithm 4)", () => {
  it("is registered from the document and the name sent; status by document shows insured from payment + 5 days", async () => {
    const doc = documentNumber();
    const check = await terminal({ command: "check", txn_id: next(), account: doc, service: "foreigner" });
    expect(check.result, check.comment).toBe(0);
    expect(check.fields.price_6m).toBe("5955.00");

    const txn = next();
    const r = await pay(doc, "5955", "20240310120000", "foreigner", txn);
    expect(r.result, r.comment).toBe(0);
    const person = await db.person.findFirstOrThrow({ where: { documentNumber: doc } });
    expect(person).toMatchObject({
      pin: null,
      documentType: "FOREIGN_DOCUMENT_TO_COMPLETE",
      lastName: "Smith",
      firstName: "John",
      birthDate: null,
      sex: null,
      category: "FOREIGNER",
    });
    const payment = await db.payment.findFirstOrThrow({ where: { externalTxnId: txn } });
    expect(payment.payerName).toBe(""); // the payer at a terminal is unnamed

    expect((await status(`document=${doc}&on=2024-03-14`)).body).toMatchObject({ insured: false });
    expect((await status(`document=${doc}&on=2024-03-15`)).body).toMatchObject({
      insured: true,
      coverage: { source: "policy", validFrom: "2024-03-15", validTo: "2024-09-14" },
    });

    // A replay creates nothing.
    const counts = async () => ({
      persons: await db.person.count({ where: { documentNumber: doc } }),
      payments: await db.payment.count({ where: { externalTxnId: txn } }),
      policies: await db.policy.count({ where: { personId: person.id } }),
    });
    const before = await counts();
    expect(await pay(doc, "5955", "20240310120000", "foreigner", txn)).toMatchObject({ result: 0, prvTxn: r.prvTxn });
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ persons: 1, payments: 1, policies: 1 });

    // The next payment with the same document finds the same person (a renewal after the running policy).
    expect((await pay(doc, "5955", "20240901120000")).result).toBe(0);
    expect(await db.person.count({ where: { documentNumber: doc } })).toBe(1);
    expect(await db.policy.count({ where: { personId: person.id } })).toBe(2);
  });

  it("a later PIN completes the same person: nothing duplicated, the status answers by PIN and by document", async () => {
    const doc = documentNumber();
    expect((await pay(doc, "11910", "20240310120000")).result).toBe(0);
    const person = await db.person.findFirstOrThrow({ where: { documentNumber: doc } });
    const pin = makePin("FEMALE", "1995-02-03");
    const actor = { id: null, label: "test" };
    const done = await completePersonWithPin({ personId: person.id, pin, documentType: "FOREIGN_PASSPORT", actor });
    expect(done).toEqual({ ok: true, personId: person.id, merged: false });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      pin,
      documentType: "FOREIGN_PASSPORT",
      documentNumber: doc,
      sex: "FEMALE",
    });
    expect(await db.person.count({ where: { OR: [{ pin }, { documentNumber: doc }] } })).toBe(1);
    expect(await completePersonWithPin({ personId: person.id, pin, actor })).toEqual(done);
    expect((await status(`pin=${pin}&on=2024-06-01`)).body).toMatchObject({ insured: true });
    expect((await status(`document=${doc}&on=2024-06-01`)).body).toMatchObject({ insured: true });
    // A payment by that PIN now finds the completed person.
    expect((await pay(pin, "11910", "20250101120000")).result).toBe(0);
    expect(await db.person.count({ where: { OR: [{ pin }, { documentNumber: doc }] } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "person.complete", entityId: person.id } })).toBe(1);
  });

  it("a PIN someone already holds merges the two records into one person", async () => {
    const pin = makePin("MALE", "1988-08-08");
    expect((await pay(pin, "5955", "20240310120000")).result).toBe(0);
    const holder = await db.person.findUniqueOrThrow({ where: { pin } });
    const doc = documentNumber();
    expect((await pay(doc, "5955", "20241001120000")).result).toBe(0);
    const byDocument = await db.person.findFirstOrThrow({ where: { documentNumber: doc } });
    const r = await completePersonWithPin({ personId: byDocument.id, pin, actor: { id: null, label: "test" } });
    expect(r).toEqual({ ok: true, personId: holder.id, merged: true });
    expect(await db.person.findUnique({ where: { id: byDocument.id } })).toBeNull();
    expect(await db.policy.count({ where: { personId: holder.id } })).toBe(2);
    expect(await db.person.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({ documentNumber: doc });
    expect((await status(`document=${doc}&on=2024-03-15`)).body).toMatchObject({ insured: true });
  });

  it("a PIN arriving with the document number of a person registered without one completes them", async () => {
    const doc = documentNumber();
    expect((await pay(doc, "5955", "20240310120000")).result).toBe(0);
    const person = await db.person.findFirstOrThrow({ where: { documentNumber: doc } });
    const pin = makePin("MALE", "1991-01-01");
    const r = await recordPayment({
      channel: "BANK_CASH_DESK",
      externalTxnId: next(),
      account: pin,
      paidAt: new Date("2024-09-10T06:00:00Z"),
      receivedAt: new Date("2024-09-10T06:00:00Z"),
      amountSom: 5955,
      payer: { name: "Smith John" },
      beneficiary: {
        pin,
        documentType: "FOREIGN_PASSPORT",
        documentNumber: doc,
        lastName: "Smith",
        firstName: "John",
        category: "FOREIGNER",
      },
      termMonths: 6,
      issueChannel: "BANK_CASH_DESK",
      actor: { id: null, label: "test" },
    });
    expect(r.outcome).toBe("created");
    expect(await db.person.count({ where: { OR: [{ pin }, { documentNumber: doc }] } })).toBe(1);
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ pin, sex: "MALE" });
  });
});

describe("foreign students pay in two halves (cl. 4 note; SPEC §2)", () => {
  it("first half → 6 months; second half → the same policy to 12 months; replays answer the same", async () => {
    const pin = makePin("MALE", "2003-04-05");
    const check = await terminal({ command: "check", txn_id: next(), account: pin }, "student");
    expect(check.result, check.comment).toBe(0);
    expect(check.fields).toMatchObject({ full_price: "11910.00", first_instalment: "5955.00" });

    const firstTxn = next();
    const first = await pay(pin, "5955", "20240310120000", "student", firstTxn);
    expect(first.result, first.comment).toBe(0);
    expect(first.comment).toContain("по 2024-09-14");
    const policy = await db.policy.findFirstOrThrow({ where: { person: { pin } } });
    expect(policy).toMatchObject({ category: "FOREIGN_STUDENT", priceSom: 11910 });
    expect(policy.validTo!.toISOString().slice(0, 10)).toBe("2024-09-14");

    const secondTxn = next();
    const second = await terminal({
      command: "pay",
      service: "student",
      txn_id: secondTxn,
      account: pin,
      sum: "5955.00",
      txn_date: "20240601120000",
      fio: "Smith John",
      phone: "0555123456",
    });
    expect(second.result, second.comment).toBe(0);
    expect(second.comment).toContain(policy.number);
    expect(second.comment).toContain("с 2024-03-15 по 2025-03-14");
    const extended = await db.policy.findUniqueOrThrow({ where: { id: policy.id }, include: { payments: true } });
    expect(extended.validTo!.toISOString().slice(0, 10)).toBe("2025-03-14");
    expect(extended.priceSom).toBe(11910);
    expect(extended.payments.reduce((s, p) => s + p.amountSom, 0)).toBe(11910);
    expect(await db.policy.count({ where: { person: { pin } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "policy.extend", entityId: policy.id } })).toBe(1);
    expect(
      await db.auditLog.count({
        where: { action: "payment.register", entityId: { in: extended.payments.map((p) => p.id) } },
      }),
    ).toBe(2);

    // Replays: the same answer each, nothing changes.
    expect(await pay(pin, "5955", "20240310120000", "student", firstTxn)).toEqual(first);
    expect(
      await terminal({
        command: "pay",
        service: "student",
        txn_id: secondTxn,
        account: pin,
        sum: "5955",
        txn_date: "20240601120000",
        fio: "Smith John",
        phone: "0555123456",
      }),
    ).toEqual(second);
    expect(await db.payment.count({ where: { policyId: policy.id } })).toBe(2);
  });

  it("check names the second half due while the first 6 months run", async () => {
    const pin = makePin("FEMALE", "2004-04-04");
    const paidOn = addDays(bishkekDate(new Date()), -10);
    const txnDate = `${paidOn.replace(/-/g, "")}120000`;
    expect((await pay(pin, "5955", txnDate, "student")).result).toBe(0);
    const check = await terminal({ command: "check", txn_id: next(), account: pin, service: "student" });
    expect(check.result, check.comment).toBe(0);
    expect(check.fields).toMatchObject({
      price: "5955.00",
      second_instalment: "5955.00",
      valid_to: validThrough(addDays(paidOn, 5), 12),
    });
    const wrong = await terminal({ command: "check", txn_id: next(), account: pin, sum: "100" }, "student");
    expect(wrong.result).toBe(241);
  });

  it("a second half after the first 6 months is refused with the rules' reason; wrong sums get 241/242", async () => {
    const pin = makePin("FEMALE", "2002-02-02");
    expect((await pay(pin, "5955", "20240310120000", "student")).result).toBe(0);
    const late = await pay(pin, "5955", "20240920120000", "student");
    expect(late.result).toBe(7);
    expect(late.comment).toContain("6 месяцев");
    expect((await pay(pin, "3000", "20240601120000", "student")).result).toBe(241);
    expect((await pay(pin, "20000", "20240601120000", "student")).result).toBe(242);
    expect(await db.payment.count({ where: { policy: { person: { pin } } } })).toBe(1);
  });

  it("any channel records a half: the first online, the second at a cash desk", async () => {
    const pin = makePin("MALE", "2001-01-01");
    const base = (over: Partial<RecordPaymentRequest>): RecordPaymentRequest => ({
      channel: "PORTAL",
      externalTxnId: next(),
      account: pin,
      paidAt: new Date("2024-03-10T06:00:00Z"),
      receivedAt: over.paidAt ?? new Date("2024-03-10T06:00:00Z"),
      amountSom: 5955,
      payer: { name: "Smith John" },
      beneficiary: { pin, lastName: "Smith", firstName: "John", category: "FOREIGN_STUDENT" },
      termMonths: 12,
      issueChannel: "ONLINE",
      actor: { id: null, label: "test" },
      ...over,
    });
    const first = await recordPayment(base({}));
    expect(first).toMatchObject({ outcome: "created", studentStage: "FIRST_INSTALMENT", validTo: "2024-09-14" });
    const second = await recordPayment(
      base({ channel: "BANK_CASH_DESK", issueChannel: "BANK_CASH_DESK", paidAt: new Date("2024-09-14T06:00:00Z") }),
    );
    expect(second).toMatchObject({
      outcome: "created",
      studentStage: "SECOND_INSTALMENT",
      validFrom: "2024-03-15",
      validTo: "2025-03-14",
    });
    if (first.outcome === "created" && second.outcome === "created")
      expect(second.policyNumber).toBe(first.policyNumber);
  });
});

describe("GET /api/v1/status?document= answers like the PIN form (SPEC §8, issue 9)", () => {
  it("an unknown document answers like an uninsured person; malformed input gets the translated 400", async () => {
    const unknown = await status("document=ZZ99999999&on=2024-03-15");
    expect(unknown).toEqual({
      status: 200,
      body: { insured: false, on: "2024-03-15", coverage: null, next: null },
    });
    const bad = await status("document=%2B%2B&on=2024-03-15");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: "document", code: "status.errors.documentInvalid" });
    expect(bad.body.error.messages.ky).not.toBe(bad.body.error.messages.ru);
    expect((await status("document=")).body.error.code).toBe("status.errors.documentRequired");
    expect((await status("document=AB1234567&on=2024-02-30")).body.error.code).toBe("errors.dateInvalid");
  });
});
