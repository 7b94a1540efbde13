import "server-only";
import { log, requestIdFrom, withRequestId } from "@/lib/log";
import { observeRequest } from "@/lib/metrics";

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
        const response = await handler(request, ...rest);
        status = response.status;
        return response;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        observeRequest(route, request.method, status, seconds);
        log.info({ route, method: request.method, status, ms: Math.round(seconds * 1000) }, "request");
      }
    });
}
