import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as callbackPost } from "../../app/api/v1/payments/test-acquirer/callback/route";
import { getPaymentProvider } from "../../lib/payments/acquirer";
import { isOnlinePaymentAvailable, isTestPaymentMode } from "../../lib/payments/acquirer/mode";
import {
  isTestAcquirerEnabled,
  openCheckoutSession,
  signTestAcquirerNotification,
  testAcquirer,
} from "../../lib/payments/acquirer/test-acquirer";

const NOTE = { txnId: "TA-x", orderRef: "o", amountSom: 1840, status: "CONFIRMED", paidAt: new Date().toISOString() };

function signedCallback(secret: string) {
  const { body, headers } = signTestAcquirerNotification({ ...NOTE, status: "CONFIRMED" }, secret);
  return new Request("http://localhost/api/v1/payments/test-acquirer/callback", { method: "POST", body, headers });
}

describe("hole 1: free policies in production", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("production without PAYMENT_ACQUIRER: no test acquirer, no online payment, callback 404", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PAYMENT_ACQUIRER", "");
    vi.stubEnv("NEXTAUTH_SECRET", "prod-secret");
    expect(isOnlinePaymentAvailable()).toBe(false);
    expect(isTestPaymentMode()).toBe(false);
    expect(isTestAcquirerEnabled()).toBe(false);
    expect(() => getPaymentProvider()).toThrow(/unavailable/);
    await expect(
      testAcquirer.createCheckout({
        orderRef: "o",
        amountSom: 1,
        description: "d",
        locale: "ru",
        returnUrl: "/",
        callbackUrl: "http://x/cb",
      }),
    ).rejects.toThrow();
    expect(openCheckoutSession("a.b")).toBeNull();
    const res = await callbackPost(signedCallback("anything"));
    expect(res.status).toBe(404);
  });

  it("production with PAYMENT_ACQUIRER=test but no TEST_ACQUIRER_SECRET: still off (no default secret)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PAYMENT_ACQUIRER", "test");
    vi.stubEnv("TEST_ACQUIRER_SECRET", "");
    vi.stubEnv("NEXTAUTH_SECRET", "prod-secret");
    expect(isTestAcquirerEnabled()).toBe(false);
    expect((await callbackPost(signedCallback("prod-secret"))).status).toBe(404);
  });

  it("production with PAYMENT_ACQUIRER=test and its secret: works, banner on, a derived secret is refused", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PAYMENT_ACQUIRER", "test");
    vi.stubEnv("TEST_ACQUIRER_SECRET", "explicit-test-secret");
    expect(isTestAcquirerEnabled()).toBe(true);
    expect(isTestPaymentMode()).toBe(true);
    expect(getPaymentProvider()).toBe(testAcquirer);
    // signed with anything but the explicit secret: refused (401/403-style body from handlePaymentCallback)
    const forged = await callbackPost(signedCallback("development-only-secret-not-for-production"));
    expect(forged.status).toBeGreaterThanOrEqual(400);
  });

  it("an unknown PAYMENT_ACQUIRER never falls back to the test acquirer", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PAYMENT_ACQUIRER", "realbank");
    expect(isOnlinePaymentAvailable()).toBe(false);
  });

  it("development keeps the test acquirer by default (npm run dev works offline)", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PAYMENT_ACQUIRER", "");
    expect(isTestAcquirerEnabled()).toBe(true);
  });
});

describe("hole 7: the acquirer callback body is capped", () => {
  it("a body over 16 KB is refused with 413 even without a Content-Length", async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify({ pad: "x".repeat(20_000) })));
        c.close();
      },
    });
    const res = await callbackPost(
      new Request("http://localhost/api/v1/payments/test-acquirer/callback", {
        method: "POST",
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.messages.ky).toBeTruthy();
  });
});
