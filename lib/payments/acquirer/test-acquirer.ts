import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { configuredAcquirer } from "./mode";
import { secretFor } from "@/lib/secrets";
import { isValidSignature, sha256Hex, signBody } from "./signing";
import type {
  Checkout,
  CheckoutRequest,
  PaymentNotification,
  PaymentProvider,
  StatusQueryAnswer,
  VerifiedCallback,
} from "./types";
import { log } from "@/lib/log";
import { recordTestAcquirerDecision } from "./mutations";
import { findTestAcquirerDecision } from "./queries";

// The TEST acquirer: a hosted "bank" page inside the portal (app/[locale]/(public)/test-acquirer) that confirms or
// declines and then notifies the portal the way a real acquirer does — a server-to-server POST signed with a
// shared secret (HMAC-SHA256 over the exact body). No money moves. It exists so the whole purchase works offline.

const TEST_ACQUIRER_ID = "test-acquirer";
const TEST_ACQUIRER_SIGNATURE_HEADER = "x-test-acquirer-signature";
const TEST_ACQUIRER_CALLBACK_PATH = "/api/v1/payments/test-acquirer/callback";

/** The test acquirer answers only while it is the portal's acquirer: in production only with PAYMENT_ACQUIRER=test
 * and its own TEST_ACQUIRER_SECRET; otherwise its page and callback are gone (404), so no test "payment" can issue a
 * policy. */
export function isTestAcquirerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (configuredAcquirer(env) !== "test") return false;
  return env.NODE_ENV !== "production" || Boolean(env.TEST_ACQUIRER_SECRET);
}

/** The shared secret of the portal and the test acquirer. Production has no default: TEST_ACQUIRER_SECRET only. */
function sharedSecret(): string {
  if (process.env.NODE_ENV === "production") {
    const own = process.env.TEST_ACQUIRER_SECRET;
    if (!own) throw new Error("TEST_ACQUIRER_SECRET must be set in production to use the test acquirer");
    return own;
  }
  return secretFor("test-acquirer", "TEST_ACQUIRER_SECRET");
}

/** The acquirer's own session, carried in its page's URL and signed by it (a real one keeps it in its database). */
export type CheckoutSession = Omit<CheckoutRequest, "providerRef"> & { sessionId: string };

const ZSession = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  orderRef: z.string().min(1).max(100),
  amountSom: z.number().int().positive(),
  description: z.string().max(300),
  locale: z.enum(routing.locales),
  returnUrl: z.string().max(500),
  callbackUrl: z.string().url().max(500),
});

function sealSession(session: CheckoutSession): string {
  const payload = Buffer.from(JSON.stringify(session), "utf8").toString("base64url");
  return `${payload}.${signBody(`checkout.${payload}`, sharedSecret())}`;
}

/** The session of a checkout URL, or null when it was not made by us or was altered. */
export function openCheckoutSession(token: string | null | undefined): CheckoutSession | null {
  if (!isTestAcquirerEnabled() || !token || token.length > 4000) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || rest.length > 0 || !isValidSignature(`checkout.${payload}`, signature, sharedSecret())) return null;
  try {
    const parsed = ZSession.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The acquirer's transaction id for a session: one checkout is one payment, so a double click pays once. */
function transactionIdFor(session: Pick<CheckoutSession, "sessionId">): string {
  return `TA-${session.sessionId}`;
}

export type TestAcquirerNotificationBody = {
  txnId: string;
  orderRef: string;
  amountSom: number;
  status: "CONFIRMED" | "DECLINED";
  paidAt: string;
};

const ZNotification = z.object({
  txnId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  orderRef: z.string().min(1).max(100),
  amountSom: z.number().int().nonnegative(),
  status: z.enum(["CONFIRMED", "DECLINED"]),
  paidAt: z.iso.datetime({ offset: true }),
});

/** The exact body and signature header the acquirer sends (also used by tests to play the acquirer). */
export function signTestAcquirerNotification(n: TestAcquirerNotificationBody, secret = sharedSecret()) {
  const body = JSON.stringify(n);
  return {
    body,
    headers: { "content-type": "application/json", [TEST_ACQUIRER_SIGNATURE_HEADER]: signBody(body, secret) },
  };
}

/**
 * The person pressed "Pay" or "Decline" on the test bank page: notify the portal server to server, as an acquirer
 * does before it sends the browser back. Returns whether the portal accepted the notification.
 */
async function notifyPortal(
  session: CheckoutSession,
  status: "CONFIRMED" | "DECLINED",
  at: Date,
): Promise<{ delivered: boolean; httpStatus: number | null }> {
  // The bank books its decision first (its status query answers from this ledger); the first decision stands.
  const decision = await recordTestAcquirerDecision({
    sessionId: session.sessionId,
    txnId: transactionIdFor(session),
    orderRef: session.orderRef,
    amountSom: session.amountSom,
    status,
    paidAt: at,
  });
  const { body, headers } = signTestAcquirerNotification({
    txnId: decision.txnId,
    orderRef: decision.orderRef,
    amountSom: decision.amountSom,
    status: decision.status,
    paidAt: decision.paidAt.toISOString(),
  });
  try {
    const res = await fetch(session.callbackUrl, {
      method: "POST",
      body,
      headers,
      cache: "no-store",
      signal: AbortSignal.timeout(30_000),
    });
    return { delivered: res.ok, httpStatus: res.status };
  } catch {
    return { delivered: false, httpStatus: null };
  }
}

export const testAcquirer: PaymentProvider = {
  id: TEST_ACQUIRER_ID,
  channel: "PORTAL",
  callbackPath: TEST_ACQUIRER_CALLBACK_PATH,

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    if (!isTestAcquirerEnabled()) throw new Error("The test acquirer is not enabled (PAYMENT_ACQUIRER)");
    const sessionId = request.providerRef ?? randomBytes(18).toString("base64url");
    const token = sealSession({
      sessionId,
      orderRef: request.orderRef,
      amountSom: request.amountSom,
      description: request.description,
      locale: request.locale,
      returnUrl: request.returnUrl,
      callbackUrl: request.callbackUrl,
    });
    return { providerRef: sessionId, redirectUrl: `/${request.locale}/test-acquirer?session=${token}` };
  },

  async verifyCallback(request: Request): Promise<VerifiedCallback> {
    const body = await request.text().catch(() => "");
    const bodySha256 = sha256Hex(body);
    if (!isValidSignature(body, request.headers.get(TEST_ACQUIRER_SIGNATURE_HEADER), sharedSecret())) {
      return { ok: false, reason: "BAD_SIGNATURE", bodySha256 };
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, reason: "MALFORMED", bodySha256 };
    }
    const parsed = ZNotification.safeParse(json);
    if (!parsed.success) return { ok: false, reason: "MALFORMED", bodySha256 };
    const n = parsed.data;
    const notification: PaymentNotification = {
      providerTxnId: n.txnId,
      orderRef: n.orderRef,
      amountSom: n.amountSom,
      status: n.status,
      paidAt: new Date(n.paidAt),
    };
    return { ok: true, notification };
  },

  async queryStatus({ providerRef }): Promise<StatusQueryAnswer> {
    if (!isTestAcquirerEnabled()) throw new Error("The test acquirer is not enabled (PAYMENT_ACQUIRER)");
    const d = await findTestAcquirerDecision(providerRef);
    if (!d) return { state: "PENDING" };
    return {
      state: "DECIDED",
      notification: {
        providerTxnId: d.txnId,
        orderRef: d.orderRef,
        amountSom: d.amountSom,
        status: d.status,
        paidAt: d.paidAt,
      },
    };
  },
};

/**
 * The bank page's buttons: notify the portal first (server to server), then send the browser back — the order of a
 * real acquirer, so the confirmation page usually shows the result at once. An undelivered notification leaves
 * the order waiting, as with a real bank; the page says so and offers to refresh.
 */
export async function decideTestCheckout(
  token: string,
  decision: "CONFIRMED" | "DECLINED",
  at: Date,
): Promise<string | null> {
  const session = openCheckoutSession(token);
  if (!session) return null;
  const { delivered, httpStatus } = await notifyPortal(session, decision, at);
  if (!delivered)
    log.warn(
      { orderRef: session.orderRef, httpStatus: httpStatus ?? null },
      "test acquirer: notification not accepted",
    );
  return session.returnUrl;
}
