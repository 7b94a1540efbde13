import "server-only";
import { testAcquirer } from "./test-acquirer";
import type { PaymentProvider } from "./types";

export type { PaymentNotification, PaymentProvider } from "./types";

/**
 * The acquirer citizens are sent to. Only the test acquirer exists yet; a real one is added here and chosen with
 * PAYMENT_PROVIDER, and gets its own callback route handing requests to handlePaymentCallback (lib/orders).
 */
export function getPaymentProvider(): PaymentProvider {
  const name = process.env.PAYMENT_PROVIDER ?? "test-acquirer";
  if (name === testAcquirer.id) return testAcquirer;
  throw new Error(`Unknown PAYMENT_PROVIDER: ${name}`);
}
