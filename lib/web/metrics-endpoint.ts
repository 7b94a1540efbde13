import "server-only";
import { timingSafeEqual } from "node:crypto";
import { metricsExposition } from "@/lib/metrics";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * GET /api/metrics (issue 16): Prometheus text format, only for `Authorization: Bearer $METRICS_TOKEN`. Without the
 * variable the endpoint does not exist (404); a missing or wrong token is 401.
 */
export async function metricsResponse(request: Request, token = process.env.METRICS_TOKEN?.trim()): Promise<Response> {
  if (!token) return new Response("Not found", { status: 404 });
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  if (!sameSecret(given, token)) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { body, contentType } = await metricsExposition();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
