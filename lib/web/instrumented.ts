import "server-only";
import { log, requestIdFrom, withRequestId } from "@/lib/log";
import { observeRequest } from "@/lib/metrics";
import { databaseUnavailableResponse } from "./unavailable";

/**
 * A route handler that counts its requests and their latency under a fixed route pattern (issue 16: "request counts
 * and latencies per route") and writes one access line, every line it causes carrying the request id. The pattern,
 * never the URL, is what is recorded: a PIN in a query string never reaches a metric or a log line.
 */
export function instrumented<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Response | Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return (request, ...rest) =>
    withRequestId(requestIdFrom(request.headers.get("x-request-id")), async () => {
      const started = performance.now();
      let status = 500;
      try {
        const response = await Promise.resolve()
          .then(() => handler(request, ...rest))
          .catch((e: unknown) => {
            // the database went away during this request: 503 (the next ones are answered by the proxy at once)
            const unavailable = databaseUnavailableResponse(request, e);
            if (unavailable) return unavailable;
            throw e;
          });
        status = response.status;
        return response;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        observeRequest(route, request.method, status, seconds);
        log.info({ route, method: request.method, status, ms: Math.round(seconds * 1000) }, "request");
      }
    });
}
