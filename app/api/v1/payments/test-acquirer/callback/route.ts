import { handlePaymentCallback } from "@/lib/orders/payment-callback";
import { isTestAcquirerEnabled, testAcquirer } from "@/lib/payments/acquirer/test-acquirer";

export const dynamic = "force-dynamic";

/** POST — the test acquirer's server-to-server notification (HMAC-SHA256 signed body; see lib/payments/acquirer). */
export async function POST(request: Request) {
  if (!isTestAcquirerEnabled()) return new Response("Not found", { status: 404 });
  const { status, body } = await handlePaymentCallback(testAcquirer, request);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
