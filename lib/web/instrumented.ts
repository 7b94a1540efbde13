import "server-only";
import { log, requestIdFrom, withRequestId } from "@/lib/log";
import { observeRequest } from "@/lib/metrics";
import { apiUnavailableWhileDown, databaseUnavailableResponse } from "./unavailable";
import { API_CSP, HSTS, REFERRER_POLICY } from "./security-headers";

/**
 * A route handler that counts its requests and their latency under a fixed route pattern (issue 16: "request counts
 * and latencies per route") and writes one access line, every line it causes carrying the request id. The pattern,
 * never the URL, is what is recorded: a PIN in a query string never reaches a metric or a log line.
 */
export function instrumented<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Response | Promise<Response>,
  options: { outsideProxy?: boolean } = {},
): (request: Request, ...rest: A) => Promise<Response> {
  return (request, ...rest) => {
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    return withRequestId(requestId, async () => {
      const started = performance.now();
      let status = 500;
      try {
        // the proxy answers 503 for the database's absence; a route it skips does so here
        const down = options.outsideProxy ? apiUnavailableWhileDown(request) : null;
        const response = await Promise.resolve()
          .then(() => down ?? handler(request, ...rest))
          .catch((e: unknown) => {
            // the database went away during this request: 503 (the next ones are answered by the proxy at once)
            const unavailable = databaseUnavailableResponse(request, e);
            if (unavailable) return unavailable;
            throw e;
          });
        status = response.status;
        return options.outsideProxy ? withProxyHeaders(response, requestId) : response;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        observeRequest(route, request.method, status, seconds);
        log.info({ route, method: request.method, status, ms: Math.round(seconds * 1000) }, "request");
      }
    });
  };
}

/**
 * A route the proxy skips (proxy.ts, its matcher: the status API and the terminals, issue 17) sets what the proxy
 * would have: the request id for support to quote, and the security headers (issue 11, hole 7) of an API answer.
 */
function withProxyHeaders(response: Response, requestId: string): Response {
  const headers = response.headers;
  headers.set("X-Request-Id", requestId);
  headers.set("Content-Security-Policy", API_CSP);
  headers.set("Referrer-Policy", REFERRER_POLICY);
  headers.set("X-Frame-Options", "DENY");
  if (process.env.NODE_ENV === "production") headers.set("Strict-Transport-Security", HSTS);
  return response;
}
