import "server-only";
import type { AuditActor } from "@/lib/audit/mutations";
import { log } from "@/lib/log";
import { getPaymentProvider, type PaymentProvider } from "@/lib/payments/acquirer";
import { isOnlinePaymentAvailable } from "@/lib/payments/acquirer/mode";
import { markOrderAcquirerChecked } from "./mutations";
import { applyPaymentNotification } from "./payment-callback";
import { ordersToReconcile } from "./queries";

export type ReconcileResult = { checked: number; applied: number; pending: number; errors: number };

/** Expired orders are asked about once, within this long after they expired. */
const EXPIRED_LOOKBACK_MS = 7 * 24 * 3600_000;
const BATCH = 200;

/**
 * Reconciliation of online payments with the acquirer (issue 16): a notification lost on the way (the acquirer's
 * retries exhausted, the portal down at the moment) would leave a paid order "waiting" and a person uninsured. For
 * each order sent to pay more than `afterMinutes` ago and still PENDING — and once for each recently EXPIRED one —
 * the acquirer's status query is asked; a decided checkout is applied exactly as its signed notification would have
 * been (`applyPaymentNotification`): paid → payment and policy, declined → DECLINED, paid after expiry → the refunds
 * queue. Safe to run in two instances at once: applying is idempotent by the provider's transaction id.
 */
export async function reconcileOrdersWithAcquirer(options: {
  now: Date;
  afterMinutes: number;
  provider?: PaymentProvider;
}): Promise<ReconcileResult> {
  const result: ReconcileResult = { checked: 0, applied: 0, pending: 0, errors: 0 };
  if (!options.provider && !isOnlinePaymentAvailable()) return result;
  const provider = options.provider ?? getPaymentProvider();
  const actor: AuditActor = { id: null, label: `reconcile:${provider.id}` };
  const pendingBefore = new Date(options.now.getTime() - options.afterMinutes * 60_000);
  const expiredSince = new Date(options.now.getTime() - EXPIRED_LOOKBACK_MS);
  for (const order of await ordersToReconcile(pendingBefore, expiredSince, BATCH)) {
    result.checked++;
    try {
      const answer = await provider.queryStatus({ orderRef: order.id, providerRef: order.providerRef! });
      if (answer.state === "DECIDED") {
        await applyPaymentNotification(provider, answer.notification, actor);
        result.applied++;
      } else {
        result.pending++;
      }
      if (order.status === "EXPIRED") await markOrderAcquirerChecked(order.id, options.now);
    } catch (e) {
      result.errors++;
      log.warn(
        { orderId: order.id, error: e instanceof Error ? e.message : String(e) },
        "reconcile: status query failed",
      );
    }
  }
  return result;
}
