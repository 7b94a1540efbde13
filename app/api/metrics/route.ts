import { metricsResponse } from "@/lib/web/metrics-endpoint";

export const dynamic = "force-dynamic";

/** GET /api/metrics — Prometheus text format for a scraper holding METRICS_TOKEN (issue 16). */
export function GET(request: Request) {
  return metricsResponse(request);
}
