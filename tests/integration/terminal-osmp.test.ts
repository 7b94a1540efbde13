import { describe, expect, it } from "vitest";
import { GET, POST } from "../../app/api/v1/terminal/[provider]/route";
import { GET as GET_SERVICE, POST as POST_SERVICE } from "../../app/api/v1/terminal/[provider]/[service]/route";
import { db } from "../../lib/db";
import { makePin } from "../support/factories";
import { terminalAuthorization } from "../support/terminal-auth";

// Issue 18: the terminals speak OSMP the way terminal networks send it — check before the money, a numeric
// prv_txn, an optional service (per-service paths), GET and POST, sums in any of their written forms.

const PROVIDERS = ["quickpay", "megacom", "pay24"] as const;
const CHANNEL = { quickpay: "QUICKPAY", megacom: "MEGACOM", pay24: "PAY24" } as const;

let txnSeq = 700_000_000 + (Date.now() % 100_000_000);
const nextTxn = () => String(++txnSeq);

type Params = Record<string, string>;
type Call = { method?: "GET" | "POST"; service?: string };

/** Calls the route handlers as Next does, from loopback, with the provider's credentials (tests/vitest.config.ts). */
async function terminal(provider: string, params: Params, { method = "GET", service }: Call = {}) {
  const path = service ? `/api/v1/terminal/${provider}/${service}` : `/api/v1/terminal/${provider}`;
  const headers: Record<string, string> = {
    "x-forwarded-for": "127.0.0.1",
    authorization: terminalAuthorization(provider),
  };
  const body = new URLSearchParams(params).toString();
  const request =
    method === "GET"
      ? new Request(`http://127.0.0.1${path}?${body}`, { headers })
      : new Request(`http://127.0.0.1${path}`, {
          method: "POST",
          body,
          headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        });
  const handler = service ? (method === "GET" ? GET_SERVICE : POST_SERVICE) : method === "GET" ? GET : POST;
  const res = await handler(request, { params: Promise.resolve({ provider, service: service ?? "" }) });
  const text = await res.text();
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
  const fields = Object.fromEntries(
    [...text.matchAll(/<field(\d+) name="([^"]+)">([^<]*)<\/field\1>/g)].map((m) => [m[2]!, m[3]!]),
  );
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    text,
    result: Number(tag("result")),
    prvTxn: tag("prv_txn"),
    comment: tag("comment") ?? "",
    sum: tag("sum"),
    fields,
  };
}

const PAY = { command: "pay", txn_date: "20240310120000", fio: "Сыдыков Эрлан Бакирович", phone: "0700123456" };

describe.each(PROVIDERS)("OSMP as terminal networks send it: %s (issue 18)", (provider) => {
  it.each([
    ["sum=0.00", { sum: "0.00" }, "0.00"],
    ["no sum", {}, "0.00"],
    ["the exact price", { sum: "1840" }, "1840.00"],
  ])("check with %s answers 0 and names the price, in the comment and in <fields>", async (_, extra, sum) => {
    const pin = makePin();
    const r = await terminal(provider, { command: "check", txn_id: nextTxn(), account: pin, ...extra });
    expect(r.result, r.comment).toBe(0);
    expect(r.comment).toContain("1840.00");
    expect(r.fields.price).toBe("1840.00");
    expect(r.sum).toBe(sum);
    expect(await db.person.count({ where: { pin } })).toBe(0);
  });

  it("prv_txn is a number of up to 20 digits, and a replayed pay returns the same one", async () => {
    const params = { ...PAY, txn_id: nextTxn(), account: makePin(), sum: "1840.00" };
    const first = await terminal(provider, params);
    expect(first.result, first.comment).toBe(0);
    expect(first.prvTxn).toMatch(/^\d{1,20}$/);
    const replay = await terminal(provider, params);
    expect(replay).toMatchObject({ result: 0, prvTxn: first.prvTxn });
    const payment = await db.payment.findUniqueOrThrow({
      where: { channel_externalTxnId: { channel: CHANNEL[provider], externalTxnId: params.txn_id } },
    });
    expect(String(payment.providerNumber)).toBe(first.prvTxn);
  });

  it("a POST pay and a GET pay with the same txn_id are one payment, with the same answer", async () => {
    const params = { ...PAY, service: "citizen", txn_id: nextTxn(), account: makePin(), sum: "1840" };
    const posted = await terminal(provider, params, { method: "POST" });
    expect(posted.result, posted.comment).toBe(0);
    const got = await terminal(provider, params, { method: "GET" });
    expect(got).toMatchObject({ result: 0, prvTxn: posted.prvTxn, comment: posted.comment, sum: "1840.00" });
    expect(await db.payment.count({ where: { channel: CHANNEL[provider], externalTxnId: params.txn_id } })).toBe(1);
  });

  it("/terminal/<provider>/citizen without service sells the citizens' policy", async () => {
    const pin = makePin();
    const r = await terminal(
      provider,
      { ...PAY, txn_id: nextTxn(), account: pin, sum: "1840" },
      { service: "citizen" },
    );
    expect(r.result, r.comment).toBe(0);
    const person = await db.person.findUniqueOrThrow({ where: { pin }, include: { policies: true } });
    expect(person.category).toBe("CITIZEN");
    expect(person.policies).toMatchObject([{ category: "CITIZEN", termMonths: 12, priceSom: 1840 }]);
  });

  it("1840, 1840.0 and 1840.00 are one amount; <sum> always has two decimals", async () => {
    const params = { ...PAY, txn_id: nextTxn(), account: makePin() };
    const answers = [];
    for (const sum of ["1840", "1840.0", "1840.00"]) answers.push(await terminal(provider, { ...params, sum }));
    expect(answers.map((a) => a.result)).toEqual([0, 0, 0]);
    expect(answers.map((a) => a.sum)).toEqual(["1840.00", "1840.00", "1840.00"]);
    expect(new Set(answers.map((a) => a.prvTxn)).size).toBe(1);
  });

  it("answers text/xml; charset=utf-8 with nothing before the XML declaration, on GET and POST", async () => {
    for (const method of ["GET", "POST"] as const) {
      const r = await terminal(provider, { command: "check", txn_id: nextTxn(), account: makePin() }, { method });
      expect(r.contentType).toBe("text/xml; charset=utf-8");
      expect(r.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    }
  });
});

describe("services, sums and refusals (issue 18)", () => {
  it("a foreigner's check before the money names every term on offer", async () => {
    const r = await terminal(
      "quickpay",
      { command: "check", txn_id: nextTxn(), account: "AB1234567" },
      {
        service: "foreigner",
      },
    );
    expect(r.result, r.comment).toBe(0);
    expect(r.comment).toContain("5955.00");
    expect(r.comment).toContain("11910.00");
    expect(r.fields).toMatchObject({
      price: "11910.00",
      term_months: "12",
      price_6m: "5955.00",
      price_12m: "11910.00",
    });
  });

  it("a check with a sum validates it as before: 241 below, 242 above, 0 for a term's price", async () => {
    const check = (sum: string) =>
      terminal("megacom", { command: "check", service: "foreigner", txn_id: nextTxn(), account: makePin(), sum });
    expect((await check("5955.00")).result).toBe(0);
    expect((await check("6000")).result).toBe(241);
    expect((await check("12000")).result).toBe(242);
  });

  it("refusals 4 and 7 are unchanged before the money", async () => {
    expect((await terminal("pay24", { command: "check", txn_id: nextTxn(), account: "123" })).result).toBe(4);
    const child = makePin("MALE", "2015-01-01");
    const r = await terminal("pay24", { command: "check", txn_id: nextTxn(), account: child });
    expect(r.result).toBe(7);
    expect(r.comment).toContain("16");
  });

  it("a path and a parameter that disagree are refused (300); an unknown path service is 404", async () => {
    const r = await terminal(
      "quickpay",
      { command: "check", txn_id: nextTxn(), account: makePin(), service: "foreigner" },
      {
        service: "citizen",
      },
    );
    expect(r.result).toBe(300);
    expect((await terminal("quickpay", { command: "check" }, { service: "tourist" })).status).toBe(404);
  });

  it("a pay needs a sum: none or zero is 300 and records nothing", async () => {
    for (const sum of [undefined, "0.00"]) {
      const txn = nextTxn();
      const r = await terminal("quickpay", { ...PAY, txn_id: txn, account: makePin(), ...(sum ? { sum } : {}) });
      expect(r.result).toBe(300);
      expect(await db.payment.count({ where: { externalTxnId: txn } })).toBe(0);
    }
  });
});
