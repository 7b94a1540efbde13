// @ts-expect-error -- the parser ships no types
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as metrics } from "../../app/api/metrics/route";
import { GET as status } from "../../app/api/v1/status/route";
import { consumeLimit } from "../../lib/limits";
import { makePin } from "../support/factories";

// Issue 16: GET /api/metrics in Prometheus text format, only with the bearer token; request counts and latencies per
// route pattern (never a URL with a PIN in it), rate-limit hits.

const TOKEN = "metrics-token-for-tests";
const scrape = (auth?: string) =>
  metrics(new Request("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} }));

type Family = { name: string; type: string; metrics: { labels?: Record<string, string>; value?: string }[] };

describe("/api/metrics (issue 16)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("does not exist without METRICS_TOKEN, and refuses a missing or wrong token", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong")).status).toBe(401);
  });

  it("parses as Prometheus text with per-route request counts and latencies, and rate-limit hits, without PINs", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const pin = makePin();
    await status(new Request(`http://localhost/api/v1/status?pin=${pin}`));
    await status(new Request("http://localhost/api/v1/status?pin=123"));
    for (let i = 0; i < 7; i++) await consumeLimit("signInAccount", "metrics-test");

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).not.toContain(pin);
    const families = parsePrometheusTextFormat(text) as Family[];
    const family = (name: string) => families.find((f) => f.name === name);

    const requests = family("oms_http_requests_total")!;
    expect(requests.type).toBe("COUNTER");
    const statusCounts = requests.metrics.filter((m) => m.labels?.route === "/api/v1/status");
    expect(statusCounts.map((m) => m.labels?.status).sort()).toEqual(expect.arrayContaining(["200", "400"]));
    expect(family("oms_http_request_duration_seconds")?.type).toBe("HISTOGRAM");
    const limited = family("oms_rate_limit_hits_total")!.metrics.find((m) => m.labels?.limit === "signInAccount");
    expect(Number(limited?.value)).toBeGreaterThan(0);
    for (const name of ["oms_payments_accepted_total", "oms_refusals_total", "oms_job_runs_total"]) {
      expect(family(name)?.type).toBe("COUNTER");
    }
  });
});
