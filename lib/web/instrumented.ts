import "server-only";
import { observeRequest } from "@/lib/metrics";

/**
 * A route handler that counts its requests and their latency under a fixed route pattern (issue 16: "request counts
 * and latencies per route"). The pattern, never the URL, is the label: a PIN in a query string never reaches a metric.
 */
export function instrumented<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Response | Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const started = performance.now();
    let status = 500;
    try {
      const response = await handler(request, ...rest);
      status = response.status;
      return response;
    } finally {
      observeRequest(route, request.method, status, (performance.now() - started) / 1000);
    }
  };
}
