import "server-only";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { consumeLimit, type LimitDecision, type LimitName } from "@/lib/limits";
import { toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";
import { errorAnswer } from "./api-errors";
import { clientAddress } from "./client-address";

/**
 * The web side of the rate limits (lib/limits): 429 with Retry-After and a translated message for APIs, a translated
 * form error for pages. For the status API/page and the terminal routes (wired by their owners):
 *   const limited = await rateLimitRequest(request, "statusIp");            // per client address
 *   const limited = await rateLimitRequest(request, "statusPin", pin);      // per PIN (hashed, never stored)
 *   const limited = await rateLimitRequest(request, "terminalProvider", provider);
 *   if (limited) return limited;
 */
export async function rateLimitRequest(request: Request, name: LimitName, key?: string): Promise<Response | null> {
  const limited = await rateLimitAnswer(request, name, key);
  return limited && toResponse(limited);
}

/**
 * rateLimitRequest's answer as plain data (./api-answer.ts: the status API); like consumeLimit, as it is when memory
 * decided, a promise when the shared count did.
 */
export function rateLimitAnswer(
  request: Pick<ApiRequest, "headers">,
  name: LimitName,
  key?: string,
): ApiAnswer | null | Promise<ApiAnswer | null> {
  const decision = consumeLimit(name, key ?? clientAddress(request.headers));
  return decision instanceof Promise
    ? decision.then((d) => limitedAnswer(request, d))
    : limitedAnswer(request, decision);
}

function limitedAnswer(request: Pick<ApiRequest, "headers">, decision: LimitDecision): ApiAnswer | null {
  return decision.ok ? null : tooManyRequestsAnswer(request, decision.retryAfterSeconds);
}

function tooManyRequestsAnswer(request: Pick<ApiRequest, "headers">, retryAfterSeconds: number): ApiAnswer {
  return errorAnswer(
    request,
    429,
    "security.tooManyRequests",
    { seconds: retryAfterSeconds },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export function tooManyRequests(request: Pick<ApiRequest, "headers">, retryAfterSeconds: number): Response {
  return toResponse(tooManyRequestsAnswer(request, retryAfterSeconds));
}

/** The client address of the request being rendered or acted on (server components and actions). */
async function requestClientAddress(): Promise<string> {
  return clientAddress(await headers());
}

/** In a server action or page: over the limit → an AppError whose translated text says how long to wait. */
export async function enforceRateLimit(name: LimitName, key?: string): Promise<void> {
  const decision = await consumeLimit(name, key ?? (await requestClientAddress()));
  if (!decision.ok) {
    throw new AppError("security.tooManyRequests", { values: { seconds: decision.retryAfterSeconds } });
  }
}

/** A public page limited per client address: null, or the seconds to wait (the page says so instead of its data). */
export async function pageRateLimit(name: LimitName): Promise<number | null> {
  const decision = await consumeLimit(name, await requestClientAddress());
  return decision.ok ? null : decision.retryAfterSeconds;
}

/** A purchase-journey step limited per client address (purchase start: an order and an acquirer session). */
export function rateLimitedStep<A extends unknown[], R>(name: LimitName, step: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    await enforceRateLimit(name);
    return step(...args);
  };
}

/**
 * A step that answers with someone's insured status — the status check, and the purchase journey's PIN and document
 * steps, whose next page says whether the person is insured and until when: the status check's limits, per client
 * address (RATE_LIMIT_STATUS_PER_MINUTE) and per PIN or document from any address, whichever way it is asked.
 */
export function statusLookupStep<I, A extends unknown[], R>(
  keyLimit: "statusPin" | "statusDocument",
  keyOf: (input: I) => string,
  step: (input: I, ...rest: A) => Promise<R>,
) {
  return async (input: I, ...rest: A): Promise<R> => {
    await enforceRateLimit("statusIp");
    await enforceRateLimit(keyLimit, keyOf(input));
    return step(input, ...rest);
  };
}
