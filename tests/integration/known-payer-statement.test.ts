import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { recordPayment, type KnownPayer, type RecordPaymentRequest } from "../../lib/payments/record-payment";
import { findPayerByAccount } from "../../lib/policies/queries";
import { concurrentTransaction } from "../support/concurrent-transaction";
import { makePin } from "../support/factories";
import { terminalPayment, writtenFor } from "../support/terminal-payments";

// Issue 17: a payer the register knows, read with what they hold by the caller a moment before (`beneficiaryKnown`, a
// terminal's sale: a renewal), is decided on that read and written in one statement that locks them and writes only
// while their policies (Person.coverageVersion, counted by a trigger), birth date and sex are unchanged and no coverage
// from another source has appeared. Whatever the read says, the answers and what is written are the transaction's.
const target = resolveDbTarget();

const request = (pin: string, known: KnownPayer | undefined, overrides: Partial<RecordPaymentRequest> = {}) =>
  terminalPayment(pin, { beneficiaryKnown: known, ...overrides });

const day = (iso: string) => ({ paidAt: new Date(iso), receivedAt: new Date(iso) });

async function registered(pin: string, names = { lastName: "Асанова", firstName: "Айгуль" }) {
  return db.person.create({
    data: { pin, ...names, sex: "FEMALE", birthDate: new Date("1990-05-17"), category: "CITIZEN" },
  });
}

/** The payer as a terminal's sale reads them (findPayerByAccount), as recordPayment takes them. */
async function read(pin: string): Promise<KnownPayer> {
  const payer = await findPayerByAccount({ pin });
  if (!payer?.held) throw new Error(`no payer read for ${pin}`);
  return { id: payer.id, birthDate: payer.birthDate, sex: payer.sex, ...payer.held };
}

async function version(personId: string) {
  return (await db.person.findUniqueOrThrow({ where: { id: personId } })).coverageVersion;
}

const written = writtenFor;

const refusalCodes = (r: Awaited<ReturnType<typeof recordPayment>>) =>
  r.outcome === "refused" ? r.refusals.map((x) => x.code) : [];

describe("the version of a person's policies (trigger Policy_coverage_version, issue 17)", () => {
  it("counts a policy issued, its status or dates changed, it moved to another person, and it deleted", async () => {
    const a = await registered(makePin("FEMALE", "1990-05-17"));
    const b = await registered(makePin("FEMALE", "1990-05-17"));
    expect(await version(a.id)).toBe(0);
    const issued = await recordPayment(request(a.pin!, undefined));
    expect(issued.outcome).toBe("created");
    expect(await version(a.id)).toBe(1);
    const policy = await db.policy.findFirstOrThrow({ where: { personId: a.id } });
    await db.policy.update({ where: { id: policy.id }, data: { status: "CANCELLED" } });
    expect(await version(a.id)).toBe(2);
    await db.policy.update({ where: { id: policy.id }, data: { validTo: new Date("2025-01-01") } });
    expect(await version(a.id)).toBe(3);
    await db.policy.update({ where: { id: policy.id }, data: { personId: b.id } });
    expect([await version(a.id), await version(b.id)]).toEqual([4, 1]);
    await db.notification.deleteMany({ where: { policyId: policy.id } });
    await db.payment.deleteMany({ where: { policyId: policy.id } });
    await db.policy.delete({ where: { id: policy.id } });
    expect([await version(a.id), await version(b.id)]).toEqual([4, 2]);
  });

  it("counts coverage from another source given or moved to a person, but not a registry import's rows", async () => {
    const a = await registered(makePin("FEMALE", "1990-05-17"));
    const b = await registered(makePin("FEMALE", "1990-05-17"));
    const period = {
      source: "EMPLOYMENT" as const,
      validFrom: new Date("2024-01-01"),
      validTo: new Date("2024-12-31"),
    };
    const given = await db.externalCoverage.create({ data: { personId: a.id, ...period } });
    expect(await version(a.id)).toBe(1);
    await db.externalCoverage.create({ data: { personId: a.id, ...period, importId: randomUUID() } });
    expect(await version(a.id)).toBe(1);
    await db.externalCoverage.update({ where: { id: given.id }, data: { validTo: new Date("2025-06-30") } });
    expect(await version(a.id)).toBe(2);
    await db.externalCoverage.update({ where: { id: given.id }, data: { personId: b.id } });
    expect([await version(a.id), await version(b.id)]).toEqual([3, 1]);
  });

  it("leaves the person as it is when a policy's other columns change (its price, say)", async () => {
    const a = await registered(makePin("FEMALE", "1990-05-17"));
    await recordPayment(request(a.pin!, undefined));
    const policy = await db.policy.findFirstOrThrow({ where: { personId: a.id } });
    const before = await db.person.findUniqueOrThrow({ where: { id: a.id } });
    await db.policy.update({ where: { id: policy.id }, data: { priceSom: 1841 } });
    const after = await db.person.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.coverageVersion).toBe(before.coverageVersion);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});

describe("a registered payer's payment in one statement (issue 17)", () => {
  it("the payer as read: policy, payment, both messages and both audit rows, as the transaction writes them", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    const person = await registered(pin);
    const result = await recordPayment(request(pin, await read(pin)));
    expect(result).toMatchObject({ outcome: "created", validFrom: "2024-03-15", validTo: "2025-03-14" });
    const w = await written(pin);
    expect(w).toMatchObject({ policies: 1, payments: 1, messages: 2 });
    expect(w.audits.map((a) => a.action)).toEqual(["payment.register", "policy.issue"]);
    if (result.outcome === "created")
      expect(w.audits[1]!.after).toMatchObject({ number: result.policyNumber, personId: person.id });
    expect(await version(person.id)).toBe(1);
  });

  it("a renewal from the read: starts the day after the running policy; a third payment is refused", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    await registered(pin);
    expect(await recordPayment(request(pin, await read(pin)))).toMatchObject({ validTo: "2025-03-14" });
    const renewal = await recordPayment(request(pin, await read(pin), day("2025-03-01T06:00:00Z")));
    expect(renewal).toMatchObject({ outcome: "created", validFrom: "2025-03-15", validTo: "2026-03-14" });
    const third = await recordPayment(request(pin, await read(pin), day("2025-03-02T06:00:00Z")));
    expect(refusalCodes(third)).toContain("POLICY_ALREADY_PAID");
    expect(await written(pin)).toMatchObject({ policies: 2, payments: 2 });
  });

  it("a stale read (a policy issued since) is decided by the transaction: the rules see that policy", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    await registered(pin);
    const stale = await read(pin);
    expect((await recordPayment(request(pin, undefined))).outcome).toBe("created");
    const second = await recordPayment(request(pin, stale, day("2024-03-11T06:00:00Z")));
    expect(refusalCodes(second)).toContain("POLICY_ALREADY_PAID");
    expect(await written(pin)).toMatchObject({ policies: 1, payments: 1, messages: 2 });
  });

  it("a stale read of the birth date or sex (a clerk's correction since) is decided by the transaction", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    const person = await registered(pin);
    const stale = await read(pin);
    // the register now says 16 on the payment day's 5th day later: a child, insured by the state (cl. 2)
    await db.person.update({ where: { id: person.id }, data: { birthDate: new Date("2015-01-01") } });
    const result = await recordPayment(request(pin, stale));
    expect(result.outcome).toBe("refused");
    expect(await written(pin)).toMatchObject({ policies: 0, payments: 0 });
  });

  it("coverage from another source recorded since the read is decided by the transaction", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    const person = await registered(pin);
    const stale = await read(pin);
    await db.externalCoverage.create({
      data: {
        personId: person.id,
        source: "EMPLOYMENT",
        validFrom: new Date("2024-01-01"),
        validTo: new Date("2024-12-31"),
      },
    });
    const result = await recordPayment(request(pin, stale));
    expect(refusalCodes(result)).toContain("INSURED_ELSEWHERE");
    expect(await written(pin)).toMatchObject({ policies: 0, payments: 0 });
  });

  it("coverage from another source moved to the payer since the read (a merge of records) is decided by the transaction", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    const person = await registered(pin);
    const other = await registered(makePin("FEMALE", "1990-05-17"));
    const coverage = await db.externalCoverage.create({
      data: {
        personId: other.id,
        source: "EMPLOYMENT",
        validFrom: new Date("2024-01-01"),
        validTo: new Date("2024-12-31"),
      },
    });
    const stale = await read(pin);
    await db.externalCoverage.update({ where: { id: coverage.id }, data: { personId: person.id } });
    expect(refusalCodes(await recordPayment(request(pin, stale)))).toContain("INSURED_ELSEWHERE");
    expect(await written(pin)).toMatchObject({ policies: 0, payments: 0 });
  });

  it("a nameless payer whose payment brings a name is named by the transaction", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    const person = await registered(pin, { lastName: "", firstName: "" });
    const result = await recordPayment(
      request(pin, await read(pin), {
        beneficiary: { pin, lastName: "Асанова", firstName: "Айгуль", category: "CITIZEN", phone: null },
      }),
    );
    expect(result.outcome).toBe("created");
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ lastName: "Асанова" });
  });

  it("the same payment sent 8 times at once with one read: one policy, 7 duplicates", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    await registered(pin);
    const req = request(pin, await read(pin));
    const results = await Promise.all(Array.from({ length: 8 }, () => recordPayment({ ...req })));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(7);
    expect(new Set(results.map((r) => ("policyNumber" in r ? r.policyNumber : null))).size).toBe(1);
    expect(await written(pin)).toMatchObject({ policies: 1, payments: 1, messages: 2 });
  });

  it("4 different payments at once, all from one read: one policy, 3 refused as already paid", async () => {
    const pin = makePin("FEMALE", "1990-05-17");
    await registered(pin);
    const known = await read(pin);
    const results = await Promise.all(Array.from({ length: 4 }, () => recordPayment(request(pin, known))));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    const refused = results.filter((r) => r.outcome === "refused");
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(refusalCodes(r)).toContain("POLICY_ALREADY_PAID");
    expect(await written(pin)).toMatchObject({ policies: 1, payments: 1 });
  });
});

// The case the version exists for: the statement starts, waits for the payer's lock held by a transaction that gives
// them coverage, and runs on after that commit with a snapshot taken before it — which does not show that coverage.
describe.skipIf(target.kind !== "postgres")("a registered payer's statement and a concurrent writer", () => {
  const insertPolicy = `INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status",
      "validFrom", "validTo", "channel", "updatedAt")
    VALUES (gen_random_uuid(), 'T-' || $1, $1::uuid, 'CITIZEN', 12, 1840, 'ISSUED', '2024-03-12', '2025-03-11', 'OFFICE', now())`;
  const insertCoverage = (importId: string | null) => `INSERT INTO "ExternalCoverage" ("id", "personId", "source",
      "validFrom", "validTo", "importId")
    VALUES (gen_random_uuid(), $1::uuid, 'EMPLOYMENT', '2024-01-01', '2024-12-31', ${importId ? `'${importId}'` : "NULL"})`;

  const LOCK_PERSON = `SELECT 1 FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`;
  /** A registered payer read as a terminal's sale reads them, and another connection's open transaction. */
  async function readWhileAnotherWrites() {
    const pin = makePin("FEMALE", "1990-05-17");
    const person = await registered(pin);
    return { pin, person, known: await read(pin), other: await concurrentTransaction() };
  }

  it("does not write over a policy committed while it waited: the transaction refuses it", async () => {
    const { pin, person, known, other } = await readWhileAnotherWrites();
    await other.query(LOCK_PERSON, [person.id]);
    await other.query(insertPolicy, [person.id]);
    const req = request(pin, known);
    const payment = recordPayment(req);
    await other.blocksSomeone(); // the payment waits for the payer's lock
    await other.commit();
    expect(refusalCodes(await payment)).toContain("POLICY_ALREADY_PAID");
    expect(await db.policy.count({ where: { personId: person.id } })).toBe(1);
    expect(await db.payment.count({ where: { externalTxnId: req.externalTxnId } })).toBe(0);
  });

  it("does not write over coverage from another source given while it waited under the payer's lock", async () => {
    const { pin, person, known, other } = await readWhileAnotherWrites();
    await other.query(LOCK_PERSON, [person.id]);
    await other.query(insertCoverage(null), [person.id]);
    const payment = recordPayment(request(pin, known));
    await other.blocksSomeone();
    await other.commit();
    expect(refusalCodes(await payment)).toContain("INSURED_ELSEWHERE");
    expect(await db.policy.count({ where: { personId: person.id } })).toBe(0);
  });

  it("does not wait for a registry import still applying: decided before its rows, as a moment earlier", async () => {
    const { pin, person, known, other } = await readWhileAnotherWrites();
    await other.query(insertCoverage(randomUUID()), [person.id]); // holds the foreign key's KEY SHARE on the payer
    const payment = recordPayment(request(pin, known));
    expect(await other.waitedForBy(payment)).toBe("settled"); // it never waits for the import's commit
    expect((await payment).outcome).toBe("created");
    await other.commit();
    // the next payment is decided on both
    const next = await recordPayment(request(pin, await read(pin), day("2024-03-11T06:00:00Z")));
    expect(next.outcome).toBe("refused");
  });

  // A terminal's retry (its first request timed out) reads the payer with the policy it paid: the rules refuse it as
  // already paid, and the payment recorded under its transaction id is the answer — one read, no lock to wait for.
  it("a retry is answered from its recorded payment without waiting for the payer's lock (read, and registered)", async () => {
    for (const registeredBefore of [true, false]) {
      const pin = makePin("FEMALE", "1990-05-17");
      if (registeredBefore) await registered(pin);
      const req = registeredBefore
        ? request(pin, await read(pin))
        : request(pin, undefined, { beneficiaryUnknown: true });
      const first = await recordPayment(req);
      expect(first.outcome).toBe("created");
      const person = await db.person.findUniqueOrThrow({ where: { pin } });
      const other = await concurrentTransaction();
      await other.query(LOCK_PERSON, [person.id]); // a clerk's correction of the payer, say, not yet committed
      const retry = recordPayment(
        registeredBefore ? { ...req, beneficiaryKnown: await read(pin) } : { ...req, beneficiaryUnknown: true },
      );
      expect(await other.waitedForBy(retry)).toBe("settled");
      expect(await retry).toMatchObject({
        outcome: "duplicate",
        policyNumber: first.outcome === "created" ? first.policyNumber : null,
      });
      await other.commit();
      expect(await written(pin)).toMatchObject({ policies: 1, payments: 1, messages: 2 });
    }
  });

  it("nor does a payment decided in the transaction (by PIN, and by PIN with a document)", async () => {
    for (const documentNumber of [undefined, `ID${randomUUID().slice(0, 8)}`]) {
      const { pin, person, other } = await readWhileAnotherWrites();
      await other.query(insertCoverage(randomUUID()), [person.id]); // the import's KEY SHARE on the payer
      const payment = recordPayment(
        request(
          pin,
          undefined,
          documentNumber
            ? { beneficiary: { ...terminalPayment(pin).beneficiary, documentType: "KG_ID_CARD", documentNumber } }
            : {},
        ),
      );
      expect(await other.waitedForBy(payment)).toBe("settled");
      expect((await payment).outcome).toBe("created");
      await other.commit();
    }
  });
});
