import "server-only";
import { configuredAcquirer } from "./mode";
import { testAcquirer } from "./test-acquirer";
import type { PaymentProvider } from "./types";

export type { PaymentNotification, PaymentProvider } from "./types";

/**
 * The acquirer citizens are sent to (PAYMENT_ACQUIRER, see ./mode.ts). Only the test acquirer exists yet; a real one
 * is added here and gets its own callback route handing requests to handlePaymentCallback (lib/orders).
 * Throws when online payment is unavailable: the journey checks isOnlinePaymentAvailable() before offering it.
 */
export function getPaymentProvider(): PaymentProvider {
  if (configuredAcquirer() === "test") return testAcquirer;
  throw new Error("Online payment is unavailable: PAYMENT_ACQUIRER is not set (see README, Security)");
}
