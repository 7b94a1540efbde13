import { logUnexpectedError } from "@/lib/errors";
import { todayInBishkek } from "@/lib/dates";
import { checkInsuredStatus, checkInsuredStatusByDocument } from "@/lib/policies/queries";
import { toStatusApiBody } from "@/lib/policies/status-api";
import { ZStatusDocumentQuery, ZStatusQuery } from "@/lib/policies/status.schema";
import { jsonBadRequest, jsonOk, jsonUnexpected } from "./api-responses";
import { instrumented } from "./instrumented";
import { rateLimitRequest } from "./rate-limit";
import { databaseUnavailableResponse } from "./unavailable";

/**
 * GET /api/v1/status?pin=<14 digits>[&on=YYYY-MM-DD] — insured on that day (default: today in Bishkek);
 * GET /api/v1/status?document=<number>[&on=YYYY-MM-DD] — the same for a foreigner without a PIN (SPEC §8, issue 9):
 * the same body, the same 400s, nothing revealed for an unknown document. Without `document`, the PIN form.
 *
 * One handler for both ways in (issue 17): the production server answers it before Next (./fast-lane.ts), `next dev`
 * through app/api/v1/status/route.ts.
 */
async function get(request: Request) {
  // Issue 11, hole 9: the PIN is in this URL, so nothing here may reach the log unmasked — an unexpected error is
  // logged through logUnexpectedError (PINs masked) and answered 500 with its id, never rethrown to Next's logger.
  try {
    return await statusResponse(request);
  } catch (e) {
    // the database away (issue 16): 503, the client retries; anything else is unexpected
    return databaseUnavailableResponse(request, e) ?? jsonUnexpected(logUnexpectedError(e, "GET /api/v1/status"));
  }
}

async function statusResponse(request: Request): Promise<Response> {
  // Issue 11, hole 5: per client address, and per PIN from any address (the PIN is hashed for the count).
  const limited = await rateLimitRequest(request, "statusIp");
  if (limited) return limited;
  const params = new URL(request.url).searchParams;
  const on = params.get("on") ?? undefined;
  if (params.has("document") && !params.has("pin")) {
    const parsed = ZStatusDocumentQuery.safeParse({ document: params.get("document"), on });
    if (!parsed.success) return jsonBadRequest(request, parsed.error);
    const { document, on: day } = parsed.data;
    return jsonOk(toStatusApiBody(await checkInsuredStatusByDocument(document, day ?? todayInBishkek())));
  }
  const parsed = ZStatusQuery.safeParse({ pin: params.get("pin") ?? "", on });
  if (!parsed.success) return jsonBadRequest(request, parsed.error);
  // Issue 17: the PIN's count and the coverage read run side by side (one round trip's wait instead of two); the
  // coverage is answered only when the count allows it.
  const { pin, on: day } = parsed.data;
  const [pinLimited, coverage] = await Promise.all([
    rateLimitRequest(request, "statusPin", pin),
    checkInsuredStatus(pin, day ?? todayInBishkek()),
  ]);
  return pinLimited ?? jsonOk(toStatusApiBody(coverage));
}

export const statusApi = instrumented("/api/v1/status", get, { outsideProxy: true });
