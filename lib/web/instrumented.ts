import "server-only";
import { logRequest, requestIdFrom, withRequestId } from "@/lib/log";
import { observeRequest } from "@/lib/metrics";
import { toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";
import { databaseUnavailableAnswer, databaseUnavailableResponse, unavailableAnswerWhileDown } from "./unavailable";
import { API_CSP, HSTS, REFERRER_POLICY } from "./security-headers";

type Options = { outsideProxy?: boolean };

/**
 * A route handler that counts its requests and their latency under a fixed route pattern (issue 16: "request counts
 * and latencies per route") and writes one access line, every line it causes carrying the request id. The pattern,
 * never the URL, is what is recorded: a PIN in a query string never reaches a metric or a log line.
 */
export function instrumented<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Response | Promise<Response>,
  options: Options = {},
): (request: Request, ...rest: A) => Promise<Response> {
  return (request, ...rest) =>
    observed(route, request, async (requestId) => {
      // the proxy answers 503 for the database's absence; a route it skips does so here
      const down = options.outsideProxy ? unavailableAnswerWhileDown(request) : null;
      const response = await Promise.resolve()
        .then(() => (down ? toResponse(down) : handler(request, ...rest)))
        .catch((e: unknown) => {
          // the database went away during this request: 503 (the next ones are answered by the proxy at once)
          const unavailable = databaseUnavailableResponse(request, e);
          if (unavailable) return unavailable;
          throw e;
        });
      if (options.outsideProxy) setProxyHeaders((name, value) => response.headers.set(name, value), requestId);
      return response;
    });
}

/** `instrumented` for a handler that answers with plain data (./api-answer.ts): the same counts, log line and headers. */
export function instrumentedAnswer<R extends ApiRequest>(
  route: string,
  handler: (request: R) => Promise<ApiAnswer>,
  options: Options = {},
): (request: R) => Promise<ApiAnswer> {
  return (request) =>
    observed(route, request, async (requestId) => {
      let answer: ApiAnswer;
      try {
        answer = (options.outsideProxy ? unavailableAnswerWhileDown(request) : null) ?? (await handler(request));
      } catch (e) {
        const unavailable = databaseUnavailableAnswer(request, e);
        if (!unavailable) throw e;
        answer = unavailable;
      }
      if (options.outsideProxy) setProxyHeaders((name, value) => (answer.headers[name] = value), requestId);
      return answer;
    });
}

/** Runs one request under its id, then records its status and duration (metrics, one access line). */
function observed<R extends { status: number }>(
  route: string,
  request: ApiRequest,
  run: (requestId: string) => Promise<R>,
): Promise<R> {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  return withRequestId(requestId, async () => {
    const started = performance.now();
    let status = 500;
    try {
      const result = await run(requestId);
      status = result.status;
      return result;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      observeRequest(route, request.method, status, seconds);
      logRequest({ route, method: request.method, status, ms: Math.round(seconds * 1000) });
    }
  });
}

/**
 * A route the proxy skips (proxy.ts, its matcher: the status API and the terminals, issue 17) sets what the proxy
 * would have: the request id for support to quote, and the security headers (issue 11, hole 7) of an API answer.
 */
function setProxyHeaders(set: (name: string, value: string) => void, requestId: string): void {
  set("x-request-id", requestId);
  set("content-security-policy", API_CSP);
  set("referrer-policy", REFERRER_POLICY);
  set("x-frame-options", "DENY");
  if (process.env.NODE_ENV === "production") set("strict-transport-security", HSTS);
}
