import { z } from "zod";
import { jsonBadRequest, jsonOk } from "@/lib/web/api-responses";
import { todayInBishkek } from "@/lib/dates";
import { findTariffsInForce } from "@/lib/policies/queries";
import { isCalendarDate } from "@/lib/rules";
import { instrumented } from "@/lib/web/instrumented";

export const dynamic = "force-dynamic";

const ZTariffQuery = z.object({
  on: z
    .string()
    .optional()
    .refine((v) => v === undefined || isCalendarDate(v), "errors.dateInvalid"),
});

/** GET /api/v1/tariffs?on=<YYYY-MM-DD> — the tariffs in force that day, with their legal basis. */
async function get(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = ZTariffQuery.safeParse({ on: params.get("on") || undefined });
  if (!parsed.success) return jsonBadRequest(request, parsed.error);
  const on = parsed.data.on ?? todayInBishkek();
  const tariffs = await findTariffsInForce(on);
  return jsonOk({
    on,
    tariffs: tariffs.map((t) => ({
      category: t.category,
      termMonths: t.termMonths,
      priceSom: t.priceSom,
      effectiveFrom: t.effectiveFrom,
      effectiveTo: t.effectiveTo,
      legalBasis: { ru: t.legalBasisRu, ky: t.legalBasisKy },
    })),
  });
}

export const GET = instrumented("/api/v1/tariffs", get);
