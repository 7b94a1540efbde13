import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import proxy from "../../../proxy";

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, "https://oms.example"), { method: init.method ?? "GET", headers: init.headers });

describe("hole 7: missing headers and limits", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("every page gets a strict CSP with a fresh nonce, frame-ancestors 'none', a referrer policy and HSTS", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const a = await proxy(req("/ru"));
    const b = await proxy(req("/ru"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Next reads the nonce from the request's CSP header
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("no HSTS outside production", async () => {
    vi.stubEnv("NODE_ENV", "development");
    expect((await proxy(req("/ru"))).headers.get("strict-transport-security")).toBeNull();
  });

  it("server actions over 1 MB are refused with 413; the registry upload has its own 10 MB limit", async () => {
    const action = async (path: string, bytes: number) =>
      await proxy(req(path, { method: "POST", headers: { "next-action": "abc", "content-length": String(bytes) } }));
    const big = await action("/ru/buy/pin", 2 * 1024 * 1024);
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("security.payloadTooLarge");
    expect((await action("/ru/buy/pin", 1000)).status).toBe(200);
    expect((await action("/ru/staff/fund/reconciliation", 5 * 1024 * 1024)).status).toBe(200);
    expect((await action("/ru/staff/fund/reconciliation", 11 * 1024 * 1024)).status).toBe(413);
    // a refund case's scans (5 MB each, the form says so itself)
    const draft = "/ky/staff/office/refunds/0b6a3c1e-2f4d-4e5a-9b7c-8d9e0f1a2b3c";
    expect((await action(draft, 6 * 1024 * 1024)).status).toBe(200);
    expect((await action(draft, 11 * 1024 * 1024)).status).toBe(413);
    expect((await action("/ru/staff/office/refunds", 2 * 1024 * 1024)).status).toBe(413);
  });

  it("a form posted without JavaScript (no Next-Action header) is held to the same limits", async () => {
    const form = (path: string, headers: Record<string, string>) => proxy(req(path, { method: "POST", headers }));
    const multipart = "multipart/form-data; boundary=x";
    expect((await form("/ru/appeals", { "content-type": multipart, "content-length": "9000000" })).status).toBe(413);
    expect((await form("/ru/appeals", { "content-type": multipart, "content-length": "9000" })).status).toBe(200);
    const urlencoded = "application/x-www-form-urlencoded";
    expect((await form("/ky/status", { "content-type": urlencoded, "content-length": "2000000" })).status).toBe(413);
    expect((await form("/ru/appeals", { "content-type": multipart, "transfer-encoding": "chunked" })).status).toBe(411);
    // an API keeps its own rules (next-auth's sign-in form, a provider's callback)
    expect(
      (await form("/api/auth/callback/credentials", { "content-type": urlencoded, "content-length": "2000000" }))
        .status,
    ).toBe(200);
  });

  it("a server action's body of no stated length (chunked) is refused with 411, translated", async () => {
    const res = await proxy(
      req("/ru/buy/pin", { method: "POST", headers: { "next-action": "abc", "transfer-encoding": "chunked" } }),
    );
    expect(res.status).toBe(411);
    const body = await res.json();
    expect(body.error.code).toBe("security.lengthRequired");
    expect(body.error.messages.ky).toMatch(/Узундугу/);
  });

  it("a payment callback over 16 KB is refused with 413 before it is read", async () => {
    const res = await proxy(
      req("/api/v1/payments/test-acquirer/callback", { method: "POST", headers: { "content-length": "17000" } }),
    );
    expect(res.status).toBe(413);
  });
});

describe("the headers next.config.js adds, and those the production server adds before Next", () => {
  it("are the same list: a header added to one is added to the other", async () => {
    const { PHASE_DEVELOPMENT_SERVER } = await import("next/constants.js");
    // @ts-expect-error -- next.config.js is plain JavaScript (Next reads it before any TypeScript is compiled)
    const { default: config } = await import("../../../next.config.js");
    const { CONFIG_HEADERS } = await import("@/lib/web/security-headers");
    const rules = await (
      config as (phase: string) => {
        headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
      }
    )(PHASE_DEVELOPMENT_SERVER).headers();
    const everyAnswer = rules.find((r) => r.source === "/:path*")!;
    expect(Object.fromEntries(everyAnswer.headers.map((h) => [h.key.toLowerCase(), h.value]))).toEqual(CONFIG_HEADERS);
  });
});
