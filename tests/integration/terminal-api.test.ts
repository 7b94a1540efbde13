import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/v1/terminal/[provider]/route";
import { db } from "../../lib/db";
import { toDbDate } from "../../lib/db/calendar";
import { DEMO_TERMINAL_CREDENTIALS } from "../../lib/payments/terminals/auth";
import { createExternalCoverage, createPerson, makePin } from "../support/factories";
import { serveRoute } from "../support/route-server";
import { TEST_TERMINAL_CREDENTIALS, terminalAuthorization } from "../support/terminal-auth";

let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  server = await serveRoute("/api/v1/terminal/:provider", GET as never);
});
afterAll(() => server.close());

let txnSeq = 500_000_000 + (Date.now() % 100_000_000);
const nextTxn = () => String(++txnSeq);

/** Bishkek local time YYYYMMDDHHMMSS, as terminals send it. */
function bishkek(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 6 * 3600_000);
  return d.toISOString().replace(/\D/g, "").slice(0, 14);
}

type Params = Record<string, string>;
/** A terminal's request with its provider's credentials (tests/vitest.config.ts), unless `init.headers` replaces them. */
async function terminal(provider: string, params: Params, init: RequestInit = {}) {
  const res = await fetch(`${server.url}/api/v1/terminal/${provider}?${new URLSearchParams(params)}`, {
    ...init,
    headers: init.headers ?? { authorization: terminalAuthorization(provider) },
  });
  const text = await res.text();
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
  return {
    status: res.status,
    text,
    result: Number(tag("result")),
    prvTxn: tag("prv_txn"),
    comment: tag("comment") ?? "",
    osmp: tag("osmp_txn_id"),
    sum: tag("sum"),
  };
}

const pay = (p: Params) =>
  terminal("quickpay", {
    command: "pay",
    service: "citizen",
    sum: "1840",
    txn_date: bishkek("2024-03-10T06:00:00Z"),
    fio: "Сыдыков Эрлан Бакирович",
    phone: "0700123456",
    ...p,
  });
const check = (p: Params) => terminal("quickpay", { command: "check", service: "citizen", sum: "1840", ...p });

async function paymentsFor(txn: string) {
  return db.payment.findMany({ where: { externalTxnId: txn }, include: { policy: true } });
}

describe("terminal protocol over HTTP: /api/v1/terminal/<provider> (issue #5; order No. 226 appendix)", () => {
  it("answers UTF-8 XML in the fixed shape; check accepts and changes nothing", async () => {
    const pin = makePin();
    const txn = nextTxn();
    const r = await check({ txn_id: txn, account: pin });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<response><osmp_txn_id>\d+<\/osmp_txn_id><sum>1840\.00<\/sum><result>0<\/result><comment>[^<]+<\/comment><fields>(<field(\d+) name="[a-z0-9_]+">[^<]*<\/field\2>)+<\/fields><\/response>$/,
    );
    expect(r.osmp).toBe(txn);
    expect(await db.person.count({ where: { pin } })).toBe(0);
    expect(await paymentsFor(txn)).toHaveLength(0);
  });

  it("result 0: pay creates one payment and one policy, prv_txn is its provider number, dates follow txn_date (cl. 5)", async () => {
    const txn = nextTxn();
    const pin = makePin();
    const r = await pay({ txn_id: txn, account: pin });
    expect(r.result).toBe(0);
    const [payment] = await paymentsFor(txn);
    expect(r.prvTxn).toBe(String(payment!.providerNumber));
    expect(payment).toMatchObject({
      channel: "QUICKPAY",
      amountSom: 1840,
      account: pin,
      // issue 9: the name sent is the beneficiary's; the payer at a terminal is unnamed
      payerName: "",
      payerPhone: "+996700123456",
    });
    expect(await db.person.findUnique({ where: { pin } })).toMatchObject({
      lastName: "Сыдыков",
      firstName: "Эрлан",
      patronymic: "Бакирович",
    });
    expect(payment!.policy).toMatchObject({ status: "ISSUED", termMonths: 12, priceSom: 1840, channel: "TERMINAL" });
    expect(payment!.policy!.validFrom!.toISOString().slice(0, 10)).toBe("2024-03-15");
    expect(payment!.policy!.validTo!.toISOString().slice(0, 10)).toBe("2025-03-14");
  });

  it("dates the policy by txn_date however late the request arrives: 23:30 Bishkek on 31 Aug is 31 Aug", async () => {
    const txn = nextTxn();
    const r = await pay({ txn_id: txn, account: makePin(), txn_date: "20240831233000" });
    expect(r.result).toBe(0);
    const [payment] = await paymentsFor(txn);
    expect(payment!.paidAt.toISOString()).toBe("2024-08-31T17:30:00.000Z");
    expect(payment!.policy!.validFrom!.toISOString().slice(0, 10)).toBe("2024-09-05");
    expect(payment!.policy!.validTo!.toISOString().slice(0, 10)).toBe("2025-09-04");
  });

  it("sells a foreigner 6 months for 5955 and 12 months for 11910: the sum chooses the term", async () => {
    for (const [sum, from, to] of [
      ["5955", "2024-03-15", "2024-09-14"],
      ["11910", "2024-03-15", "2025-03-14"],
    ] as const) {
      const txn = nextTxn();
      const r = await pay({ txn_id: txn, account: makePin(), service: "foreigner", sum });
      expect(r.result, r.comment).toBe(0);
      const [payment] = await paymentsFor(txn);
      expect(payment!.policy).toMatchObject({ category: "FOREIGNER", priceSom: Number(sum) });
      expect([
        payment!.policy!.validFrom!.toISOString().slice(0, 10),
        payment!.policy!.validTo!.toISOString().slice(0, 10),
      ]).toEqual([from, to]);
    }
  });

  it("accepts a foreigner's document number: the register's person, or a first-time foreigner (algorithm 4)", async () => {
    const person = await db.person.create({
      data: {
        lastName: "Smith",
        firstName: "John",
        birthDate: toDbDate("1990-01-01"),
        sex: "MALE",
        category: "FOREIGNER",
        documentType: "FOREIGN_PASSPORT",
        documentNumber: `X${nextTxn()}`,
      },
    });
    const txn = nextTxn();
    const r = await pay({ txn_id: txn, account: person.documentNumber!, service: "foreigner", sum: "5955" });
    expect(r.result, r.comment).toBe(0);
    expect((await paymentsFor(txn))[0]!.policy!.personId).toBe(person.id);
    // issue 9: a document the register does not know is a foreigner seen for the first time, registered by the payment
    expect((await pay({ txn_id: nextTxn(), account: "ZZ0000001", service: "foreigner", sum: "5955" })).result).toBe(0);
    expect(await db.person.count({ where: { documentNumber: "ZZ0000001" } })).toBe(1);
  });

  it("replays and 10 concurrent duplicates of a pay: one payment, one policy, the same prv_txn and 0 each time", async () => {
    const txn = nextTxn();
    const params = { txn_id: txn, account: makePin() };
    const first = await pay(params);
    for (let i = 0; i < 5; i++) expect(await pay(params)).toMatchObject({ result: 0, prvTxn: first.prvTxn });
    const concurrentTxn = nextTxn();
    const concurrentAccount = makePin();
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () => pay({ txn_id: concurrentTxn, account: concurrentAccount })),
    );
    expect(new Set(concurrent.map((r) => r.result))).toEqual(new Set([0]));
    expect(new Set(concurrent.map((r) => r.prvTxn)).size).toBe(1);
    expect(await paymentsFor(txn)).toHaveLength(1);
    expect(await paymentsFor(concurrentTxn)).toHaveLength(1);
  });

  it.each([
    ["4: a PIN of 13 digits", { account: "2150519850001" }, 4],
    ["4: a PIN with an impossible birth date", { account: "23102199000017" }, 4],
    ["4: letters for a citizen", { account: "AB1234567" }, 4],
    ["241: a sum below the price", { sum: "1000" }, 241],
    ["242: a sum above the price", { sum: "2000" }, 242],
    ["241: tyiyn short of the price", { sum: "1839.99" }, 241],
    ["300: no fio", { fio: "" }, 300],
    ["300: no phone", { phone: "" }, 300],
    ["300: a malformed phone", { phone: "12" }, 300],
    ["300: a malformed txn_date", { txn_date: "2024-03-10" }, 300],
    ["300: an impossible txn_date", { txn_date: "20240230120000" }, 300],
    ["300: a txn_date in the future", { txn_date: bishkek(new Date(Date.now() + 3600_000).toISOString()) }, 300],
    ["300: a txn_id of 21 digits", { txn_id: "123456789012345678901" }, 300],
    ["300: an unknown command", { command: "refund" }, 300],
    ["300: an unknown service", { service: "vip" }, 300],
  ])("result %s — nothing recorded", async (_name, p, code) => {
    const txn = (p as Params).txn_id ?? nextTxn();
    const r = await pay({ txn_id: txn, account: makePin(), ...(p as Params) });
    expect(r.result, r.comment).toBe(code);
    expect(r.comment.length).toBeGreaterThan(3);
    expect(r.prvTxn).toBeUndefined();
    expect(await paymentsFor(txn)).toHaveLength(0);
  });

  it("241/242 for a foreigner: between the 6- and 12-month prices is short of the 12-month price", async () => {
    expect((await pay({ txn_id: nextTxn(), account: makePin(), service: "foreigner", sum: "5000" })).result).toBe(241);
    expect((await pay({ txn_id: nextTxn(), account: makePin(), service: "foreigner", sum: "8000" })).result).toBe(241);
    expect((await pay({ txn_id: nextTxn(), account: makePin(), service: "foreigner", sum: "12000" })).result).toBe(242);
  });

  it("300: the same txn_id again with another account or sum — and the first payment stands", async () => {
    const txn = nextTxn();
    const first = await pay({ txn_id: txn, account: makePin() });
    expect(first.result).toBe(0);
    expect((await pay({ txn_id: txn, account: makePin() })).result).toBe(300);
    expect(
      (
        await terminal("quickpay", {
          command: "pay",
          service: "foreigner",
          sum: "5955",
          txn_id: txn,
          account: makePin(),
          txn_date: bishkek("2024-03-10T06:00:00Z"),
          fio: "A B",
          phone: "0700123456",
        })
      ).result,
    ).toBe(300);
    expect(await paymentsFor(txn)).toHaveLength(1);
  });

  it("7: a citizen under 16 on the payment day, with the explanation", async () => {
    const txn = nextTxn();
    const r = await pay({ txn_id: txn, account: makePin("FEMALE", "2010-06-01") });
    expect(r.result).toBe(7);
    expect(r.comment).toMatch(/16/);
    expect(await paymentsFor(txn)).toHaveLength(0);
    // …and 16 on the payment day is allowed.
    expect((await pay({ txn_id: nextTxn(), account: makePin("FEMALE", "2008-03-10") })).result).toBe(0);
  });

  it("7: a person insured by another source (check and pay)", async () => {
    const person = await createPerson();
    await createExternalCoverage(person.id, "2024-01-01", "2024-12-31");
    expect((await pay({ txn_id: nextTxn(), account: person.pin! })).result).toBe(7);
    await db.externalCoverage.updateMany({ where: { personId: person.id }, data: { validTo: toDbDate("2099-12-31") } });
    const c = await check({ txn_id: nextTxn(), account: person.pin! });
    expect(c.result).toBe(7);
    expect(c.comment).toMatch(/застрахован/);
  });

  it("7: no tariff in force on the payment day", async () => {
    expect((await pay({ txn_id: nextTxn(), account: makePin(), txn_date: "20240115120000" })).result).toBe(7);
  });

  it("1: a temporary error when the database fails; the retry then succeeds (idempotent)", async () => {
    const txn = nextTxn();
    const account = makePin();
    // Simulate the database failing for one request — in the middle of the payment's transaction, after the person
    // was registered (issue 17: the transaction runs on a pg connection, not through Prisma's $transaction).
    await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_payment() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN IF NEW."externalTxnId" = '${txn}' THEN RAISE EXCEPTION 'connection terminated'; END IF; RETURN NEW; END $fn$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_payment BEFORE INSERT ON "Payment" FOR EACH ROW EXECUTE FUNCTION test_fail_payment()`,
    );
    let first;
    try {
      first = await pay({ txn_id: txn, account });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_payment ON "Payment"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_payment()`);
    }
    expect(first.result).toBe(1);
    expect(await paymentsFor(txn)).toHaveLength(0);
    expect(await db.person.count({ where: { pin: account } })).toBe(0); // rolled back whole
    expect((await pay({ txn_id: txn, account })).result).toBe(0);
  });

  it("each provider has its own transaction ids", async () => {
    const txn = nextTxn();
    const account = makePin();
    const a = await pay({ txn_id: txn, account });
    const b = await terminal("megacom", {
      command: "pay",
      service: "citizen",
      sum: "1840",
      txn_id: txn,
      account: makePin(),
      txn_date: bishkek("2024-03-10T06:00:00Z"),
      fio: "Б Б",
      phone: "0555123456",
    });
    expect([a.result, b.result]).toEqual([0, 0]);
    expect((await paymentsFor(txn)).map((p) => p.channel).sort()).toEqual(["MEGACOM", "QUICKPAY"]);
  });

  it("unknown provider → 404", async () => {
    expect((await terminal("visa", { command: "check" })).status).toBe(404);
  });
});

describe("hole 3: terminal authentication — credentials in every mode, an optional allow-list, no forged address", () => {
  const env = { ...process.env };
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
    Object.assign(process.env, env);
  });
  const params = () => ({ command: "check", service: "citizen", sum: "1840", txn_id: nextTxn(), account: makePin() });
  const basic = (credentials: string) => ({
    headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` },
  });

  it("refuses a request without credentials, from loopback and with a forged X-Forwarded-For, in every mode", async () => {
    for (const mode of ["development", "test", "production"]) {
      vi.stubEnv("NODE_ENV", mode);
      expect((await terminal("quickpay", params(), { headers: {} })).status).toBe(401);
      expect((await terminal("quickpay", params(), { headers: { "x-forwarded-for": "127.0.0.1" } })).status).toBe(401);
    }
  });

  it("refuses a provider without configured credentials (no fallback secret), and wrong credentials", async () => {
    delete process.env.TERMINAL_AUTH_MEGACOM;
    expect((await terminal("megacom", params(), { headers: {} })).status).toBe(401);
    expect((await terminal("megacom", params(), basic(""))).status).toBe(401);
    expect((await terminal("megacom", params(), basic(":"))).status).toBe(401);
    expect((await terminal("quickpay", params(), basic("quickpay-test:wrong"))).status).toBe(401);
    expect((await terminal("quickpay", params(), basic(TEST_TERMINAL_CREDENTIALS.megacom))).status).toBe(401);
    expect((await terminal("quickpay", params())).status).toBe(200);
  });

  it("accepts the documented demo credentials in development only", async () => {
    process.env.TERMINAL_AUTH_PAY24 = DEMO_TERMINAL_CREDENTIALS;
    vi.stubEnv("NODE_ENV", "development");
    expect((await terminal("pay24", params(), basic(DEMO_TERMINAL_CREDENTIALS))).status).toBe(200);
    vi.stubEnv("NODE_ENV", "production");
    expect((await terminal("pay24", params(), basic(DEMO_TERMINAL_CREDENTIALS))).status).toBe(401);
  });

  it("TERMINAL_ALLOW_<PROVIDER>: only listed addresses or CIDRs, the address read as TRUSTED_PROXIES allows", async () => {
    process.env.TERMINAL_ALLOW_QUICKPAY = "203.0.113.0/24, 2001:db8::1";
    // loopback is not on the list
    expect((await terminal("quickpay", params())).status).toBe(403);
    // a forged header is not believed without TRUSTED_PROXIES: the socket's address (appended by Next) counts
    const forged = (xff: string) => ({
      headers: { "x-forwarded-for": xff, authorization: terminalAuthorization("quickpay") },
    });
    expect((await terminal("quickpay", params(), forged("203.0.113.7, 127.0.0.1"))).status).toBe(403);
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    expect((await terminal("quickpay", params(), forged("203.0.113.7, 127.0.0.1"))).status).toBe(200);
    expect((await terminal("quickpay", params(), forged("2001:db8::1, 127.0.0.1"))).status).toBe(200);
    expect((await terminal("quickpay", params(), forged("198.51.100.7, 127.0.0.1"))).status).toBe(403);
    // without credentials the list does not help
    expect(
      (await terminal("quickpay", params(), { headers: { "x-forwarded-for": "203.0.113.7, 127.0.0.1" } })).status,
    ).toBe(401);
  });
});
