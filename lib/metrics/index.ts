import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// The portal's own metrics in Prometheus text format (issue 16), served by GET /api/metrics to a scraper holding
// METRICS_TOKEN. One registry per process, kept on globalThis so the proxy, route handlers and server actions that
// Next bundles separately count into the same place. Labels are fixed vocabularies (route patterns, channels,
// refusal codes, limit names): never a PIN, a name or anything a caller can make up.

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "oms_process_" });
  return {
    registry,
    requests: new Counter({
      name: "oms_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status code",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: "oms_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern and method",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    payments: new Counter({
      name: "oms_payments_accepted_total",
      help: "Payments accepted (a new payment recorded, not a replay), by channel",
      labelNames: ["channel"] as const,
      registers: [registry],
    }),
    refusals: new Counter({
      name: "oms_refusals_total",
      help: "Purchases and payments refused by the rules, by refusal code",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "oms_rate_limit_hits_total",
      help: "Requests refused by a rate limit, by limit name",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    // counted by the housekeeping jobs (issue 16) once they run
    jobs: new Counter({
      name: "oms_job_runs_total",
      help: "Housekeeping job runs, by job and outcome",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof create>;
const holder = globalThis as unknown as { __omsMetrics?: Metrics };
function metrics(): Metrics {
  holder.__omsMetrics ??= create();
  return holder.__omsMetrics;
}

export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  m.requests.inc({ route, method, status: String(status) });
  m.latency.observe({ route, method }, seconds);
}

export function countPaymentAccepted(channel: string): void {
  metrics().payments.inc({ channel });
}

export function countRefusals(reasons: readonly string[]): void {
  for (const reason of reasons) metrics().refusals.inc({ reason });
}

export function countRateLimited(limit: string): void {
  metrics().rateLimited.inc({ limit });
}

/** The text exposition and its content type. */
export async function metricsExposition(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
