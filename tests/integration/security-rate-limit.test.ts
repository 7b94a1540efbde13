import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/v1/terminal/[provider]/route";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { createStaffUser } from "../../lib/users/mutations";
import { authOptions } from "../../lib/web/auth-options";
import { clientAddress } from "../../lib/web/client-address";
import { statusApi } from "../../lib/web/status-api";
import { enforceRateLimit, rateLimitRequest, statusLookupStep } from "../../lib/web/rate-limit";
import { makePin } from "../support/factories";
import { terminalAuthorization } from "../support/terminal-auth";

// A server action's request: the client address its limits count (next/headers outside Next).
let actionAddress = "203.0.113.200";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": actionAddress }) }));

type Authorize = (c: Record<string, string>, req: unknown) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const fromIp = (ip: string, lang = "ru") =>
  new Request("http://localhost/api/v1/status", { headers: { "x-forwarded-for": ip, "accept-language": lang } });

/** A second app instance: a new pool and new limiters (what another process would have). */
function newInstance() {
  delete (globalThis as { __omsRateLimits?: unknown }).__omsRateLimits;
}

describe("hole 5: no brakes", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("429 with Retry-After and a translated message after RATE_LIMIT_STATUS_PER_MINUTE requests per IP", async () => {
    vi.stubEnv("RATE_LIMIT_STATUS_PER_MINUTE", "3");
    for (let i = 0; i < 3; i++) expect(await rateLimitRequest(fromIp("203.0.113.7"), "statusIp")).toBeNull();
    const refused = await rateLimitRequest(fromIp("203.0.113.7", "ky"), "statusIp");
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await refused!.json();
    expect(body.error.code).toBe("security.tooManyRequests");
    expect(body.error.messages.ru).toMatch(/Слишком много запросов/);
    expect(body.error.message).toBe(body.error.messages.ky);
    // another address has its own count
    expect(await rateLimitRequest(fromIp("203.0.113.8"), "statusIp")).toBeNull();
  });

  it.skipIf(resolveDbTarget().kind !== "postgres")(
    "the count is shared by app instances through PostgreSQL",
    async () => {
      vi.stubEnv("RATE_LIMIT_STATUS_PER_MINUTE", "4");
      newInstance();
      expect(await rateLimitRequest(fromIp("198.51.100.1"), "statusIp")).toBeNull();
      expect(await rateLimitRequest(fromIp("198.51.100.1"), "statusIp")).toBeNull();
      newInstance();
      expect(await rateLimitRequest(fromIp("198.51.100.1"), "statusIp")).toBeNull();
      expect(await rateLimitRequest(fromIp("198.51.100.1"), "statusIp")).toBeNull();
      expect((await rateLimitRequest(fromIp("198.51.100.1"), "statusIp"))?.status).toBe(429);
      const rows = await db.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "rate_limit"."counters"`);
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain("198.51.100.1");
    },
  );

  it("sign-in: locked after repeated failures of one account, even with the right password, and audited", async () => {
    vi.stubEnv("RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT", "3");
    const user = await createStaffUser(
      { id: null, label: "test" },
      {
        login: "t.lock",
        fullName: "Тест Блок",
        role: "CLERK",
        officeCode: "NARYN",
        password: "correct-horse-battery-1",
      },
    );
    const req = { headers: { "x-forwarded-for": "192.0.2.50" } };
    for (let i = 0; i < 3; i++)
      expect(await authorize({ login: "t.lock", password: "wrong-password" }, req)).toBeNull();
    await expect(authorize({ login: "t.lock", password: "correct-horse-battery-1" }, req)).rejects.toThrow(
      /^locked:\d+$/,
    );
    const actions = (await db.auditLog.findMany({ where: { action: { startsWith: "auth." } } })).map((r) => r.action);
    expect(actions).toContain("auth.lockout");
    expect(actions).toContain("auth.sign_in_locked");
    expect(user.id).toBeTruthy();
  });

  it("pages and actions: over the limit is a translated error saying how long to wait (per PIN here)", async () => {
    vi.stubEnv("RATE_LIMIT_STATUS_PIN_PER_HOUR", "2");
    await enforceRateLimit("statusPin", "21505198500017");
    await enforceRateLimit("statusPin", "21505198500017");
    await expect(enforceRateLimit("statusPin", "21505198500017")).rejects.toMatchObject({
      code: "security.tooManyRequests",
      values: { seconds: expect.any(Number) },
    });
  });

  it("the purchase journey's PIN step is a status check: per address, and per PIN from any address", async () => {
    vi.stubEnv("RATE_LIMIT_STATUS_PER_MINUTE", "3");
    vi.stubEnv("RATE_LIMIT_STATUS_PIN_PER_HOUR", "2");
    newInstance();
    // PINs of this test alone: on PostgreSQL the counts are shared, the earlier tests' included
    const [a, b, c, d] = [makePin(), makePin(), makePin(), makePin()];
    let looked = 0;
    const step = statusLookupStep(
      "statusPin",
      (i: { pin: string }) => i.pin,
      async () => ++looked,
    );
    actionAddress = "203.0.113.201";
    await step({ pin: a });
    await step({ pin: a });
    actionAddress = "203.0.113.202"; // another address: the PIN's count follows it
    await expect(step({ pin: a })).rejects.toMatchObject({ code: "security.tooManyRequests" });
    await step({ pin: b });
    await step({ pin: c }); // this address's third
    await expect(step({ pin: d })).rejects.toMatchObject({ code: "security.tooManyRequests" });
    expect(looked).toBe(4); // a refused lookup never reached the step
  });

  it("the status API by document: limited per document from any address, as by PIN", async () => {
    vi.stubEnv("RATE_LIMIT_STATUS_DOCUMENT_PER_HOUR", "2");
    newInstance();
    const byDocument = (ip: string, document: string) =>
      statusApi(
        new Request(`http://localhost/api/v1/status?document=${document}`, { headers: { "x-forwarded-for": ip } }),
      );
    expect((await byDocument("203.0.113.31", "AN1234567")).status).toBe(200);
    expect((await byDocument("203.0.113.32", "an 1234567")).status).toBe(200); // the same number, written otherwise
    expect((await byDocument("203.0.113.33", "AN1234567")).status).toBe(429);
    expect((await byDocument("203.0.113.33", "AN7654321")).status).toBe(200);
  });

  it("an appeal's status (number + PIN): tries of one appeal number are limited from any address", async () => {
    vi.stubEnv("RATE_LIMIT_APPEAL_STATUS_NUMBER_PER_HOUR", "3");
    for (let i = 0; i < 3; i++) await enforceRateLimit("appealStatusNumber", "A-2026-000777");
    await expect(enforceRateLimit("appealStatusNumber", "A-2026-000777")).rejects.toMatchObject({
      code: "security.tooManyRequests",
    });
    // another appeal is not held up by it
    await enforceRateLimit("appealStatusNumber", "A-2026-000778");
  });

  it("sign-in: locked per IP across accounts", async () => {
    vi.stubEnv("RATE_LIMIT_SIGN_IN_FAILURES_PER_IP", "2");
    const req = { headers: { "x-forwarded-for": "192.0.2.99" } };
    expect(await authorize({ login: "nobody1", password: "x-wrong-password" }, req)).toBeNull();
    expect(await authorize({ login: "nobody2", password: "x-wrong-password" }, req)).toBeNull();
    await expect(authorize({ login: "nobody3", password: "x-wrong-password" }, req)).rejects.toThrow(/^locked/);
  });
});

describe("the terminals' limit belongs to the provider's own terminals", () => {
  afterEach(() => vi.unstubAllEnvs());
  const check = (ip: string, authorization?: string) =>
    GET(
      new Request("http://127.0.0.1/api/v1/terminal/quickpay?command=check&txn_id=1&account=21505198500017&sum=0", {
        headers: { "x-forwarded-for": ip, ...(authorization ? { authorization } : {}) },
      }),
      { params: Promise.resolve({ provider: "quickpay" }) },
    );

  it("requests without the credentials never spend it, and are limited per address", async () => {
    vi.stubEnv("RATE_LIMIT_TERMINAL_PER_MINUTE", "3");
    vi.stubEnv("RATE_LIMIT_TERMINAL_REFUSED_PER_MINUTE", "2");
    newInstance();
    const wrong = `Basic ${Buffer.from("quickpay-test:guess").toString("base64")}`;
    const refused = [];
    for (let i = 0; i < 6; i++) refused.push((await check("198.51.100.66", i % 2 ? wrong : undefined)).status);
    expect(refused).toEqual([401, 401, 429, 429, 429, 429]);
    // the provider's terminals still have their whole budget, and only it
    const real = [];
    for (let i = 0; i < 4; i++) real.push((await check("192.0.2.10", terminalAuthorization("quickpay"))).status);
    expect(real).toEqual([200, 200, 200, 429]);
  });
});

describe("hole 5: client addresses come from proxy headers only when TRUSTED_PROXIES names the proxies", () => {
  const h = (xff: string) => new Headers({ "x-forwarded-for": xff });
  it("a forged leftmost X-Forwarded-For does not choose the address", () => {
    expect(clientAddress(h("1.1.1.1, 203.0.113.5"), "10.0.0.0/8")).toBe("203.0.113.5");
    expect(clientAddress(h("1.1.1.1, 203.0.113.5, 10.0.0.2"), "10.0.0.0/8")).toBe("203.0.113.5");
    expect(clientAddress(h("1.1.1.1, 203.0.113.5"), undefined)).toBe("203.0.113.5");
    expect(clientAddress(h("garbage"), undefined)).toBe("unknown");
  });
});
