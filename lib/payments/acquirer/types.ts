import type { PaymentChannel } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";

/** What the portal tells a provider when it sends the person to pay: one order, one amount (cl. 20–21). */
export type CheckoutRequest = {
  /** our reference, echoed back in the provider's notification */
  orderRef: string;
  amountSom: number;
  /** shown on the provider's page: the policy and for whom, no PIN */
  description: string;
  locale: Locale;
  /** where the provider sends the browser when the person is done (the order's secret confirmation URL) */
  returnUrl: string;
  /** where the provider notifies the portal, server to server */
  callbackUrl: string;
  /** an existing checkout to resume (same provider reference, so a second attempt is the same payment) */
  providerRef?: string | null;
};

export type Checkout = { providerRef: string; redirectUrl: string };

/** A verified server-to-server notification, in the portal's terms. */
export type PaymentNotification = {
  /** the provider's own transaction id: a payment is recorded at most once per (channel, id) */
  providerTxnId: string;
  orderRef: string;
  amountSom: number;
  status: "CONFIRMED" | "DECLINED";
  /** the instant the person paid; its Bishkek day is the payment day (SPEC §3) */
  paidAt: Date;
};

type CallbackRejection = "BAD_SIGNATURE" | "MALFORMED";

export type VerifiedCallback =
  | { ok: true; notification: PaymentNotification }
  | {
      ok: false;
      reason: CallbackRejection;
      /** for the audit log: what arrived, without trusting it */ bodySha256: string;
    };

/** The acquirer's answer to "what became of this checkout?" (its status query, issue 16). */
export type StatusQueryAnswer =
  | { state: "DECIDED"; notification: PaymentNotification }
  /** the person has not finished paying (or the acquirer does not know yet) */
  | { state: "PENDING" }
  /** the acquirer has no such checkout */
  | { state: "UNKNOWN" };

/**
 * An acquirer the portal can send people to. The purchase flow (lib/orders) knows only this interface: adding a
 * real acquirer is one new implementation and one callback route that hands its requests to handlePaymentCallback.
 */
export interface PaymentProvider {
  /** short machine name, also the audit actor ("acquirer:<id>") */
  readonly id: string;
  /** the Payment.channel its payments are recorded under */
  readonly channel: PaymentChannel;
  /** the portal route this provider notifies (its own route file hands requests to handlePaymentCallback) */
  readonly callbackPath: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** authenticates and parses a notification; never throws on bad input */
  verifyCallback(request: Request): Promise<VerifiedCallback>;
  /**
   * Asks the acquirer what became of a checkout (its status query): the reconciliation job (lib/jobs) uses it for
   * orders whose notification never arrived. Throws when the acquirer cannot be asked right now.
   */
  queryStatus(checkout: { orderRef: string; providerRef: string }): Promise<StatusQueryAnswer>;
}
