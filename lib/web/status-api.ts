import { logUnexpectedError } from "@/lib/errors";
import { todayInBishkek } from "@/lib/dates";
import { checkInsuredStatus, checkInsuredStatusByDocument } from "@/lib/policies/queries";
import { toStatusApiBody } from "@/lib/policies/status-api";
import { normalizeDocumentNumber } from "@/lib/rules";
import { ZStatusDocumentQuery, ZStatusQuery } from "@/lib/policies/status.schema";
import { toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";
import { badRequestAnswer, okAnswer, unexpectedAnswer } from "./api-responses";
import { instrumentedAnswer } from "./instrumented";
import { rateLimitAnswer } from "./rate-limit";
import { databaseUnavailableAnswer } from "./unavailable";

/**
 * GET /api/v1/status?pin=<14 digits>[&on=YYYY-MM-DD] — insured on that day (default: today in Bishkek);
 * GET /api/v1/status?document=<number>[&on=YYYY-MM-DD] — the same for a foreigner without a PIN (SPEC §8, issue 9):
 * the same body, the same 400s, nothing revealed for an unknown document. Without `document`, the PIN form.
 *
 * One handler for both ways in (issue 17): the production server answers it before Next (./fast-lane.ts) with the
 * plain answer (`statusApiAnswer`, ./api-answer.ts: no web Request or Response built on the hottest path), `next dev`
 * through app/api/v1/status/route.ts (`statusApi`, the same answer as a Response).
 */
async function get(request: ApiRequest): Promise<ApiAnswer> {
  // Issue 11, hole 9: the PIN is in this URL, so nothing here may reach the log unmasked — an unexpected error is
  // logged through logUnexpectedError (PINs masked) and answered 500 with its id, never rethrown to Next's logger.
  try {
    return await statusAnswer(request);
  } catch (e) {
    // the database away (issue 16): 503, the client retries; anything else is unexpected
    return databaseUnavailableAnswer(request, e) ?? unexpectedAnswer(logUnexpectedError(e, "GET /api/v1/status"));
  }
}

async function statusAnswer(request: ApiRequest): Promise<ApiAnswer> {
  // Issue 11, hole 5: per client address, and per PIN from any address (the PIN is hashed for the count).
  // decided in memory for an address seen lately: no promise to wait for (issue 17)
  const counted = rateLimitAnswer(request, "statusIp");
  const limited = counted instanceof Promise ? await counted : counted;
  if (limited) return limited;
  const params = new URL(request.url).searchParams;
  const on = params.get("on") ?? undefined;
  if (params.has("document") && !params.has("pin")) {
    const parsed = ZStatusDocumentQuery.safeParse({ document: params.get("document"), on });
    if (!parsed.success) return badRequestAnswer(request, parsed.error);
    const { document, on: day } = parsed.data;
    // per document from any address, as a PIN is (below)
    const documentLimited = await rateLimitAnswer(request, "statusDocument", normalizeDocumentNumber(document));
    if (documentLimited) return documentLimited;
    return okAnswer(toStatusApiBody(await checkInsuredStatusByDocument(document, day ?? todayInBishkek())));
  }
  const parsed = ZStatusQuery.safeParse({ pin: params.get("pin") ?? "", on });
  if (!parsed.success) return badRequestAnswer(request, parsed.error);
  // Issue 17: the PIN's count and the coverage read run side by side (one round trip's wait instead of two); the
  // coverage is answered only when the count allows it.
  const { pin, on: day } = parsed.data;
  const [pinLimited, coverage] = await Promise.all([
    rateLimitAnswer(request, "statusPin", pin),
    checkInsuredStatus(pin, day ?? todayInBishkek()),
  ]);
  return pinLimited ?? okAnswer(toStatusApiBody(coverage));
}

/** The production server's fast lane (./fast-lane.ts). */
export const statusApiAnswer = instrumentedAnswer("/api/v1/status", get, { outsideProxy: true });

/** The route handler under Next (app/api/v1/status/route.ts). */
export async function statusApi(request: Request): Promise<Response> {
  return toResponse(await statusApiAnswer(request));
}
