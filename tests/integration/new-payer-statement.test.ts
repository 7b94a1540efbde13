import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { recordPayment, type RecordPaymentRequest } from "../../lib/payments/record-payment";
import { makePin } from "../support/factories";
import { terminalPayment, writtenFor } from "../support/terminal-payments";

// Issue 17: a payer the register did not know a moment before (`beneficiaryUnknown`, a terminal's sale) is registered
// with the policy, the payment, the SMS outbox and the audit rows in one statement. Whatever the hint says, the
// answers and what is written are the transaction's: a stale hint, a concurrent duplicate, a refusal.
const request = (pin: string, overrides: Partial<RecordPaymentRequest> = {}) =>
  terminalPayment(pin, { beneficiaryUnknown: true, ...overrides });
const written = writtenFor;

describe("a new payer's payment in one statement (issue 17)", () => {
  it("registers the payer from the PIN and writes policy, payment, both messages and both audit rows", async () => {
    const pin = makePin("FEMALE", "1988-07-21");
    const result = await recordPayment(request(pin));
    expect(result).toMatchObject({ outcome: "created", validFrom: "2024-03-15", validTo: "2025-03-14" });
    const w = await written(pin);
    expect(w.people).toHaveLength(1);
    expect(w.people[0]).toMatchObject({
      lastName: "Жумабаев",
      sex: "FEMALE",
      birthDate: new Date("1988-07-21"),
      category: "CITIZEN",
      citizenship: "KG",
      searchName: "ЖУМАБАЕВ НУРЛАН",
    });
    expect(w).toMatchObject({ policies: 1, payments: 1, messages: 2 });
    expect(w.audits.map((a) => a.action)).toEqual(["payment.register", "policy.issue"]);
    if (result.outcome === "created")
      expect(w.audits[1]!.after).toMatchObject({ number: result.policyNumber, personId: w.people[0]!.id });
  });

  it("a stale hint (the payer was registered meanwhile) is decided by the transaction: the rules see their policy", async () => {
    const pin = makePin();
    expect((await recordPayment(request(pin))).outcome).toBe("created");
    const nextDay = new Date("2024-03-11T06:00:00Z");
    const second = await recordPayment(request(pin, { paidAt: nextDay, receivedAt: nextDay }));
    expect(second).toMatchObject({ outcome: "refused" });
    if (second.outcome === "refused") expect(second.refusals.map((r) => r.code)).toContain("POLICY_ALREADY_PAID");
    expect(await written(pin)).toMatchObject({ people: [expect.anything()], policies: 1, payments: 1, messages: 2 });
  });

  it("the same new payer's payment sent 8 times at once: one person, one policy, 7 duplicates", async () => {
    const pin = makePin();
    const req = request(pin);
    const results = await Promise.all(Array.from({ length: 8 }, () => recordPayment({ ...req })));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(7);
    const numbers = new Set(results.map((r) => ("policyNumber" in r ? r.policyNumber : null)));
    expect(numbers.size).toBe(1);
    expect(await written(pin)).toMatchObject({ people: [expect.anything()], policies: 1, payments: 1, messages: 2 });
  });

  it("4 different payments for one new payer at once: one policy, 3 refusals", async () => {
    const pin = makePin();
    const results = await Promise.all(Array.from({ length: 4 }, () => recordPayment(request(pin))));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "refused")).toHaveLength(3);
    expect(await written(pin)).toMatchObject({ people: [expect.anything()], policies: 1, payments: 1 });
  });

  it("a refusal or a wrong sum writes nothing, not even the payer", async () => {
    const child = makePin("MALE", "2015-01-01"); // a citizen under 16 (cl. 2): insured by the state
    const refused = await recordPayment(request(child));
    expect(refused.outcome).toBe("refused");
    const wrongSum = makePin();
    expect(await recordPayment(request(wrongSum, { amountSom: 1000 }))).toMatchObject({
      outcome: "wrong_amount",
      expectedSom: 1840,
    });
    expect(await db.person.count({ where: { pin: { in: [child, wrongSum] } } })).toBe(0);
  });

  it("the transaction id of another payment answers conflict and writes nothing for the new payer", async () => {
    const first = request(makePin());
    await recordPayment(first);
    const other = makePin();
    const clash = await recordPayment(request(other, { externalTxnId: first.externalTxnId }));
    expect(clash.outcome).toBe("conflict");
    expect(await db.person.count({ where: { pin: other } })).toBe(0);
  });
});

// Issue 17: a payer already registered goes through the transaction (locked, their coverage read under the lock):
// what the payments before have written decides the next, also when they arrive at once.
describe("a registered payer's payments, decided under their lock (issue 17)", () => {
  async function registered(pin: string) {
    await db.person.create({
      data: {
        pin,
        lastName: "Known",
        firstName: "Payer",
        sex: "MALE",
        birthDate: new Date("1990-05-17"),
        category: "CITIZEN",
      },
    });
  }

  it("4 payments at once for one registered payer: one policy, the others refused as already paid", async () => {
    const pin = makePin();
    await registered(pin);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => recordPayment(request(pin, { beneficiaryUnknown: false }))),
    );
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    const refused = results.filter((r) => r.outcome === "refused");
    expect(refused).toHaveLength(3);
    for (const r of refused)
      if (r.outcome === "refused") expect(r.refusals.map((x) => x.code)).toContain("POLICY_ALREADY_PAID");
    expect(await written(pin)).toMatchObject({ people: [expect.anything()], policies: 1, payments: 1 });
  });

  it("a renewal of a registered payer starts the day after the running policy, a third is refused", async () => {
    const pin = makePin();
    await registered(pin);
    const at = (iso: string) => ({ paidAt: new Date(iso), receivedAt: new Date(iso), beneficiaryUnknown: false });
    expect(await recordPayment(request(pin, at("2024-03-10T06:00:00Z")))).toMatchObject({ validTo: "2025-03-14" });
    expect(await recordPayment(request(pin, at("2025-03-01T06:00:00Z")))).toMatchObject({
      outcome: "created",
      validFrom: "2025-03-15",
      validTo: "2026-03-14",
    });
    expect((await recordPayment(request(pin, at("2025-03-02T06:00:00Z")))).outcome).toBe("refused");
    expect(await written(pin)).toMatchObject({ policies: 2, payments: 2 });
  });
});
