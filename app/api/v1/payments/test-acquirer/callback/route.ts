import { handlePaymentCallback } from "@/lib/orders/payment-callback";
import { isTestAcquirerEnabled, testAcquirer } from "@/lib/payments/acquirer/test-acquirer";
import { jsonError, readBodyCapped } from "@/lib/web/api-errors";
import { CALLBACK_BODY_LIMIT_BYTES } from "@/lib/web/security-headers";
import { instrumented } from "@/lib/web/instrumented";

export const dynamic = "force-dynamic";

/** POST — the test acquirer's server-to-server notification (HMAC-SHA256 signed body; see lib/payments/acquirer).
 * The body is capped (16 KB, else 413) before anything parses or signs it. */
async function post(request: Request) {
  if (!isTestAcquirerEnabled()) return new Response("Not found", { status: 404 });
  const body = await readBodyCapped(request, CALLBACK_BODY_LIMIT_BYTES);
  if (body === null) {
    return jsonError(request, 413, "security.payloadTooLarge", { limit: CALLBACK_BODY_LIMIT_BYTES / 1024 });
  }
  const capped = new Request(request.url, { method: "POST", headers: request.headers, body });
  const { status, body: answer } = await handlePaymentCallback(testAcquirer, capped);
  return Response.json(answer, { status, headers: { "Cache-Control": "no-store" } });
}

export const POST = instrumented("/api/v1/payments/test-acquirer/callback", post);
