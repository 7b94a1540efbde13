import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import { TOTP } from "otpauth";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../prisma/demo-data";
import { makePin } from "../support/factories";
import { findPins } from "../support/log-capture";
import { TEST_TERMINAL_CREDENTIALS } from "../support/terminal-auth";

// Issue 11, acceptance: the HTTP-level checks against a production build on PostgreSQL (tests/security/global-setup.ts).
const { urls, logFiles, statusLimitPerMinute, metricsToken } = inject("securityServers");
const [first, second] = urls as [string, string | undefined];
const terminalCredentials = process.env.TERMINAL_AUTH_QUICKPAY ?? TEST_TERMINAL_CREDENTIALS.quickpay;
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;
/** Every PIN this run sends: none of them may appear in the servers' logs. */
const sentPins: string[] = [];
const pin = () => {
  const p = makePin();
  sentPins.push(p);
  return p;
};
const bishkekTxnDate = (at: Date) =>
  new Date(at.getTime() + 6 * 3600_000).toISOString().replace(/\D/g, "").slice(0, 14);
const result = (xml: string) => Number(/<result>(\d+)<\/result>/.exec(xml)?.[1]);

describe("hole 1: no test acquirer without PAYMENT_ACQUIRER=test", () => {
  it("the test acquirer's page and its callback answer 404", async () => {
    expect((await fetch(`${first}/ru/test-acquirer`, { redirect: "manual" })).status).toBe(404);
    const callback = await fetch(`${first}/api/v1/payments/test-acquirer/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ orderRef: "x", status: "PAID" }),
    });
    expect(callback.status).toBe(404);
  });
});

describe("hole 3: terminals refuse requests without credentials, even with a forged X-Forwarded-For", () => {
  const check = () =>
    `${first}/api/v1/terminal/quickpay?${new URLSearchParams({ command: "check", txn_id: String(Date.now()), account: pin(), sum: "1840" })}`;

  it.each([
    ["no header", {}],
    ["X-Forwarded-For: 127.0.0.1", { "x-forwarded-for": "127.0.0.1" }],
    ["X-Forwarded-For: ::1", { "x-forwarded-for": "::1" }],
    ["wrong credentials", { authorization: basic("quickpay-test:wrong") }],
  ])("%s → 401", async (_name, headers) => {
    expect((await fetch(check(), { headers })).status).toBe(401);
  });

  it("with the provider's credentials → 200", async () => {
    expect((await fetch(check(), { headers: { authorization: basic(terminalCredentials) } })).status).toBe(200);
  });
});

describe("hole 4: a txn_date next week is refused", () => {
  it("pay with txn_date in 7 days → result 300, no payment", async () => {
    const txn = String(Date.now());
    const query = new URLSearchParams({
      command: "pay",
      txn_id: txn,
      account: pin(),
      sum: "1840",
      txn_date: bishkekTxnDate(new Date(Date.now() + 7 * 86_400_000)),
      fio: "Безопасов Тест",
      phone: "0700000000",
    });
    const res = await fetch(`${first}/api/v1/terminal/quickpay?${query}`, {
      headers: { authorization: basic(terminalCredentials) },
    });
    expect(res.status).toBe(200);
    expect(result(await res.text())).toBe(300);
    // the same transaction checked again: still unknown (nothing was recorded)
    const again = await fetch(`${first}/api/v1/terminal/quickpay?${query}`, {
      headers: { authorization: basic(terminalCredentials) },
    });
    expect(result(await again.text())).toBe(300);
  });
});

describe("hole 5: rate limits are shared by every app process", () => {
  it.skipIf(!second)("status API: the limit reached on one server answers 429 on the other", async () => {
    let last = 200;
    for (let i = 0; i < statusLimitPerMinute && last === 200; i++) {
      last = (await fetch(`${first}/api/v1/status?pin=${pin()}`)).status;
    }
    expect(last).toBe(200);
    const over = await fetch(`${second}/api/v1/status?pin=${pin()}`);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await over.json()) as { error: { message: string } };
    expect(body.error.message.length).toBeGreaterThan(0);
  });
});

describe("issue 17: the fast lane (server.js answers the status API and the terminals before Next)", () => {
  // The suite's status limit is 5 a minute per address: these requests name their own (TRUSTED_PROXIES is unset, so
  // the rightmost X-Forwarded-For entry is the client — README "Security").
  let n = 0;
  const own = (extra: Record<string, string> = {}) => ({ "x-forwarded-for": `203.0.113.${++n}`, ...extra });
  it("a status answer carries what Next's would: security headers, request id, JSON with its length", async () => {
    const res = await fetch(`${first}/api/v1/status?pin=${pin()}`, { headers: own() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBeTruthy();
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const text = await res.text();
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toMatchObject({ insured: false });
  });

  it("a request id is echoed when well-formed, never when it holds a PIN; every header is sent once", async () => {
    const asked = async (id: string) => {
      const res = await fetch(`${first}/api/v1/status?pin=${pin()}`, { headers: own({ "x-request-id": id }) });
      return res.headers.get("x-request-id");
    };
    expect(await asked("support-ticket-4711")).toBe("support-ticket-4711");
    const withPin = await asked(`req-${pin()}`);
    expect(withPin).toMatch(/^[0-9a-f-]{36}$/);
    const names = await new Promise<string[]>((resolve, reject) => {
      http
        .get(`${first}/api/v1/status?pin=${pin()}`, { headers: own() }, (res) => {
          res.resume();
          resolve(res.rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase()));
        })
        .on("error", reject);
    });
    expect(names.filter((h, i) => names.indexOf(h) !== i)).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["x-frame-options", "referrer-policy", "content-length"]));
  });

  it("a malformed PIN is a translated 400 in the caller's language", async () => {
    const res = await fetch(`${first}/api/v1/status?pin=123`, { headers: own({ "accept-language": "ky" }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; message: string; messages: { ky: string } } };
    expect(body.error.field).toBe("pin");
    expect(body.error.message).toBe(body.error.messages.ky);
  });

  it("what the lane does not take is Next's: a trailing slash, another method", async () => {
    const slash = await fetch(`${first}/api/v1/status/?pin=${pin()}`, { redirect: "manual", headers: own() });
    expect(slash.status).toBe(308);
    expect((await fetch(`${first}/api/v1/status`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${first}/api/v1/terminal/nobody?command=check`)).status).toBe(404);
  });

  it("a terminal's form POST is answered like its GET; a body over 16 KB is refused unread (413)", async () => {
    const form = new URLSearchParams({ command: "check", txn_id: String(Date.now()), account: pin(), sum: "1840" });
    const posted = await fetch(`${first}/api/v1/terminal/quickpay`, {
      method: "POST",
      headers: { authorization: basic(terminalCredentials), "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await posted.text()).toMatch(/^<\?xml[\s\S]*<result>\d+<\/result>/);
    const big = await fetch(`${first}/api/v1/terminal/quickpay`, {
      method: "POST",
      headers: { authorization: basic(terminalCredentials), "content-type": "application/x-www-form-urlencoded" },
      body: `command=check&fio=${"А".repeat(10_000)}`,
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("security.payloadTooLarge");
  });

  it.skipIf(!metricsToken)("its requests are counted in the registry /api/metrics reads", async () => {
    const scrape = async () =>
      await (await fetch(`${first}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    const count = (text: string) =>
      Number(
        /oms_http_requests_total\{[^}]*route="\/api\/v1\/status"[^}]*status="200"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0,
      );
    const before = count(await scrape());
    expect((await fetch(`${first}/api/v1/status?pin=${pin()}`, { headers: own() })).status).toBe(200);
    expect(count(await scrape())).toBe(before + 1);
  });
});

describe("issue 17: the build's scripts, compressed once (lib/web/static-assets.ts)", () => {
  /** node:http's client: the raw bytes (fetch would decompress them) */
  function raw(url: string, headers: Record<string, string>) {
    return new Promise<{ status: number; encoding?: string; body: Buffer }>((resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode!,
              encoding: res.headers["content-encoding"],
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on("error", reject);
    });
  }

  // a staff page: the citizen pages load no script file (lib/web/light-pages.ts)
  it("a page's scripts come with brotli, byte for byte what Next serves; a missing one is Next's 404", async () => {
    const html = await (await fetch(`${first}/ru/staff/sign-in`)).text();
    const scripts = [...html.matchAll(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(3);
    for (const src of scripts) {
      let brotli = await raw(`${first}${src}`, { "accept-encoding": "gzip, deflate, br" });
      for (let i = 0; i < 50 && brotli.encoding !== "br"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        brotli = await raw(`${first}${src}`, { "accept-encoding": "gzip, deflate, br" });
      }
      expect(brotli.status).toBe(200);
      expect(brotli.encoding).toBe("br");
      const plain = await raw(`${first}${src}`, { "accept-encoding": "identity" });
      expect(plain.encoding).toBeUndefined();
      expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    }
    const missing = await raw(`${first}/_next/static/chunks/no-such-chunk.js`, { "accept-encoding": "br" });
    expect(missing.status).toBe(404);
  });
});

describe("hole 7: headers", () => {
  it("a page carries a nonce CSP, HSTS, frame-ancestors 'none' and a referrer policy", async () => {
    const res = await fetch(`${first}/ru`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("referrer-policy")).toBeTruthy();
  });
});

describe("hole 10: a second factor is required for refund officers and admins", () => {
  async function signIn(login: string, code?: string) {
    const csrfRes = await fetch(`${first}/api/auth/csrf`);
    const cookie = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${first}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({
        csrfToken,
        login,
        password: DEMO_PASSWORD,
        ...(code ? { code } : {}),
        json: "true",
      }),
    });
    const cookies = res.headers.getSetCookie?.() ?? [];
    const location =
      res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
    return { session: cookies.some((c) => /session-token=[^;]+/.test(c)), location };
  }

  it.each(["refunds", "admin"])("%s: password without a code is refused, no session", async (login) => {
    const r = await signIn(login);
    expect(r.session).toBe(false);
    expect(r.location).toContain("totp_required");
  });

  it("refunds: with the authenticator's code a session starts (the check is not vacuous)", async () => {
    const r = await signIn("refunds", new TOTP({ secret: DEMO_TOTP_SECRET }).generate());
    expect(r.session).toBe(true);
  });
});

describe("hole 9: no PIN in any log line of either server during the run", () => {
  it.skipIf(logFiles.length === 0)(
    "the servers' stdout and stderr hold none of the PINs sent, nor any PIN",
    async () => {
      expect(sentPins.length).toBeGreaterThan(5);
      await new Promise((r) => setTimeout(r, 500)); // let the servers flush
      for (const file of logFiles) {
        const logged = fs.readFileSync(file, "utf8");
        expect(logged.length, `${file} captured the server's output`).toBeGreaterThan(0);
        expect(sentPins.filter((p) => logged.includes(p)).length, `PINs sent found in ${file}`).toBe(0);
        expect(findPins(logged).length, `PIN-shaped numbers in ${file}`).toBe(0);
      }
    },
  );
});
