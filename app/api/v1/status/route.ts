import { jsonBadRequest, jsonOk } from "@/lib/web/api-responses";
import { todayInBishkek } from "@/lib/dates";
import { checkInsuredStatus } from "@/lib/policies/queries";
import { toStatusApiBody } from "@/lib/policies/status-api";
import { ZStatusQuery } from "@/lib/policies/status.schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/status?pin=<14 digits>&on=<YYYY-MM-DD> — insured on that day (default: today in Bishkek). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = ZStatusQuery.safeParse({ pin: params.get("pin") ?? "", on: params.get("on") ?? undefined });
  if (!parsed.success) return jsonBadRequest(request, parsed.error);
  return jsonOk(toStatusApiBody(await checkInsuredStatus(parsed.data.pin, parsed.data.on ?? todayInBishkek())));
}
