import { jsonBadRequest, jsonOk } from "@/lib/web/api-responses";
import { todayInBishkek } from "@/lib/dates";
import { checkInsuredStatus, checkInsuredStatusByDocument } from "@/lib/policies/queries";
import { toStatusApiBody } from "@/lib/policies/status-api";
import { ZStatusDocumentQuery, ZStatusQuery } from "@/lib/policies/status.schema";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/status?pin=<14 digits>[&on=YYYY-MM-DD] — insured on that day (default: today in Bishkek);
 * GET /api/v1/status?document=<number>[&on=YYYY-MM-DD] — the same for a foreigner without a PIN (SPEC §8, issue 9):
 * the same body, the same 400s, nothing revealed for an unknown document. Without `document`, the PIN form.
 */
export async function GET(request: Request) {
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
  return jsonOk(toStatusApiBody(await checkInsuredStatus(parsed.data.pin, parsed.data.on ?? todayInBishkek())));
}
