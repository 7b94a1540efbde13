import "server-only";
import { writeStandaloneAudit, type AuditActor } from "@/lib/audit/mutations";
import { now } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/routing";
import { markOrderDeclined, markOrderPaid, markOrderRejected, OrderNotPendingError } from "@/lib/orders/mutations";
import { findOrderForCallback } from "@/lib/orders/queries";
import { recordPayment } from "@/lib/payments/record-payment";
import { todayInBishkek } from "@/lib/dates";
import { recordDuplicatePayment } from "@/lib/refunds/mutations";
import type { PaymentNotification, PaymentProvider } from "@/lib/payments/acquirer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The answer to the acquirer: an HTTP status and a JSON body (the route sends it, never cached). */
export type CallbackAnswer = { status: number; body: Record<string, unknown> };

function answer(status: number, body: Record<string, unknown>): CallbackAnswer {
  return { status, body };
}

/** A notification we do not act on is recorded, and nothing else changes. */
async function reject(
  actor: AuditActor,
  status: number,
  reason: string,
  details: Record<string, unknown>,
  orderId: string | null = null,
) {
  await writeStandaloneAudit({
    actor,
    action: "payment.callback_rejected",
    entity: "PurchaseOrder",
    entityId: orderId,
    after: { reason, ...details },
  });
  return answer(status, { result: "rejected", reason });
}

function summary(n: PaymentNotification) {
  return {
    providerTxnId: n.providerTxnId,
    orderRef: n.orderRef,
    amountSom: n.amountSom,
    status: n.status,
    paidAt: n.paidAt.toISOString(),
  };
}

/**
 * An acquirer's server-to-server notification about an order (cl. 17–21). Order of checks, each refusing with an
 * audit row and no change: the signature (else anyone could "pay"), the order, the amount against the order's price.
 * Then a decline marks the order DECLINED (no payment, no policy); a confirmation goes to recordPayment, which
 * re-checks the rules on the payment day and is idempotent by (channel, provider transaction id) — replays and
 * concurrent duplicates get the first answer. The order is marked PAID in the same transaction as the policy.
 * Every provider's callback route calls this; nothing here depends on which provider it is.
 */
export async function handlePaymentCallback(provider: PaymentProvider, request: Request): Promise<CallbackAnswer> {
  const actor: AuditActor = { id: null, label: `acquirer:${provider.id}` };
  const verified = await provider.verifyCallback(request);
  if (!verified.ok) {
    return reject(actor, verified.reason === "BAD_SIGNATURE" ? 401 : 400, verified.reason, {
      provider: provider.id,
      bodySha256: verified.bodySha256,
    });
  }
  return applyPaymentNotification(provider, verified.notification, actor);
}

/**
 * A notification the acquirer vouches for — from its signed callback, or from its status query (the reconciliation
 * job, lib/orders/reconcile.ts) — applied to its order. Idempotent: the same notification twice, from either path or
 * both at once, has the effect of one.
 */
export async function applyPaymentNotification(
  provider: PaymentProvider,
  n: PaymentNotification,
  actor: AuditActor,
): Promise<CallbackAnswer> {
  const order = UUID.test(n.orderRef) ? await findOrderForCallback(n.orderRef) : null;
  if (!order) return reject(actor, 404, "UNKNOWN_ORDER", summary(n));
  if (n.amountSom !== order.priceSom)
    return reject(actor, 400, "AMOUNT_MISMATCH", { ...summary(n), expectedSom: order.priceSom }, order.id);

  if (order.status === "PAID") {
    const same = order.payment?.channel === provider.channel && order.payment.externalTxnId === n.providerTxnId;
    if (same && n.status === "CONFIRMED")
      return answer(200, { result: "paid", policyNumber: order.policy?.number ?? null, duplicate: true });
    // A second payment for a paid order would be a second policy for the same person: never (cl. 20–21). If the
    // money was taken, it goes back: the refunds queue records it once per provider transaction.
    if (n.status === "CONFIRMED") {
      await recordDuplicatePayment({
        orderId: order.id,
        channel: provider.channel,
        providerTxnId: n.providerTxnId,
        amountSom: n.amountSom,
        reason: "ORDER_ALREADY_PAID",
        today: todayInBishkek(),
        actor,
      });
    }
    return reject(actor, 409, "ORDER_ALREADY_PAID", summary(n), order.id);
  }
  if (n.status === "CONFIRMED" && (order.status === "DECLINED" || order.status === "EXPIRED")) {
    return lateConfirmation(actor, provider, order.id, n);
  }
  if (n.status === "CONFIRMED" && order.status === "REJECTED" && order.rejectedTxnId === n.providerTxnId) {
    // A replay of a confirmation that already put the order in the refunds queue: the same answer, nothing changes.
    if (order.rejectionReason?.startsWith(LATE_PREFIX)) return answer(200, refundDue(order.rejectionReason, true));
  }
  if (order.status !== "PENDING") return reject(actor, 409, `ORDER_${order.status}`, summary(n), order.id);

  if (n.status === "DECLINED") {
    if (await markOrderDeclined(order.id, actor, summary(n))) return answer(200, { result: "declined" });
    // A confirmation committed between our read and the decline: the order is paid (or queued for refund) now.
    return reject(actor, 409, "ORDER_NO_LONGER_PENDING", summary(n), order.id);
  }

  const account = order.pin ?? order.documentNumber ?? "";
  let result: Awaited<ReturnType<typeof recordPayment>>;
  try {
    result = await recordPayment({
      channel: provider.channel,
      externalTxnId: n.providerTxnId,
      account,
      paidAt: n.paidAt,
      receivedAt: now(),
      amountSom: n.amountSom,
      payer: { name: order.payerName ?? `${order.lastName} ${order.firstName}`, phone: order.phone },
      beneficiary: {
        pin: order.pin,
        documentType: order.documentType,
        documentNumber: order.documentNumber,
        lastName: order.lastName,
        firstName: order.firstName,
        patronymic: order.patronymic,
        birthDate: order.pin ? null : order.birthDate,
        sex: order.pin ? null : order.sex,
        category: order.category,
        phone: order.phone,
      },
      termMonths: order.termMonths,
      issueChannel: "ONLINE",
      hasIdentityDocument: true,
      actor,
      locale: (order.locale === "ky" ? "ky" : "ru") as Locale,
      afterIssue: (tx, issued) => markOrderPaid(tx, order.id, issued),
    });
  } catch (e) {
    // A decline (or the expiry job) got there while this payment was being recorded: the policy rolled back with
    // it, and the money goes to the refunds queue instead of an error the acquirer would retry for ever.
    if (e instanceof OrderNotPendingError) return lateConfirmation(actor, provider, order.id, n);
    throw e;
  }

  switch (result.outcome) {
    case "created":
    case "duplicate":
      return answer(200, {
        result: "paid",
        policyNumber: result.policyNumber,
        duplicate: result.outcome === "duplicate",
      });
    case "date_in_future":
      // Issue 11, hole 4: not a payment yet; the order stays pending for a correctly dated confirmation.
      return reject(actor, 422, "PAYMENT_DATE_IN_FUTURE", summary(n), order.id);
    case "conflict":
      return reject(actor, 409, "TRANSACTION_CONFLICT", { ...summary(n), paymentId: result.paymentId }, order.id);
    case "wrong_amount":
      await markOrderRejected(order.id, "PRICE_CHANGED", n.providerTxnId, actor, undefined, provider.channel);
      return reject(
        actor,
        422,
        "PRICE_CHANGED",
        { ...summary(n), expectedSom: result.expectedSom, paymentDay: result.paymentDay },
        order.id,
      );
    case "refused":
      // Eligible when ordered, refused on the payment day (e.g. insured since): the money must go back to the payer,
      // and the order's page must say so instead of "waiting" for ever.
      await markOrderRejected(
        order.id,
        result.refusals[0]?.code ?? "REFUSED_BY_RULES",
        n.providerTxnId,
        actor,
        undefined,
        provider.channel,
      );
      return reject(
        actor,
        422,
        "REFUSED_BY_RULES",
        { ...summary(n), refusals: result.refusals.map((r) => r.code), paymentDay: result.paymentDay },
        order.id,
      );
  }
}

const LATE_PREFIX = "CONFIRMED_AFTER_";

function refundDue(reason: string, duplicate = false) {
  return { result: "refund_due", reason, duplicate };
}

/**
 * The acquirer took the money for an order that was already declined or expired (issue 9): nothing is issued, the
 * order becomes REJECTED with the reason and the provider's transaction id, and appears once in the refunds queue.
 * If the order turned out PAID meanwhile (another confirmation won), this is a second payment for it: refused.
 */
async function lateConfirmation(
  actor: AuditActor,
  provider: PaymentProvider,
  orderId: string,
  n: PaymentNotification,
): Promise<CallbackAnswer> {
  const current = await findOrderForCallback(orderId);
  if (current?.status === "DECLINED" || current?.status === "EXPIRED") {
    const reason = `${LATE_PREFIX}${current.status}`;
    if (await markOrderRejected(orderId, reason, n.providerTxnId, actor, [current.status], provider.channel)) {
      return answer(200, refundDue(reason));
    }
  }
  const again = await findOrderForCallback(orderId);
  if (again?.status === "REJECTED" && again.rejectedTxnId === n.providerTxnId && again.rejectionReason) {
    return answer(200, refundDue(again.rejectionReason, true));
  }
  return reject(actor, 409, `ORDER_${again?.status ?? "UNKNOWN"}`, summary(n), orderId);
}
