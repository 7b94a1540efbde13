import { handlePaymentCallback } from "@/lib/orders/payment-callback";
import { isTestAcquirerEnabled, testAcquirer } from "@/lib/payment-provider/test-acquirer";

export const dynamic = "force-dynamic";

/** POST — the test acquirer's server-to-server notification (HMAC-SHA256 signed body; see lib/payment-provider). */
export async function POST(request: Request) {
  if (!isTestAcquirerEnabled()) return new Response("Not found", { status: 404 });
  return handlePaymentCallback(testAcquirer, request);
}
