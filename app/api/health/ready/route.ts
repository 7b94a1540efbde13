import { readiness } from "@/lib/system/queries";

export const dynamic = "force-dynamic";

/** Readiness (issue 16): 200 when the database answers and every shipped migration is applied, else 503. */
export async function GET() {
  const r = await readiness();
  const ok = r.database && r.migrations === "applied";
  return Response.json({ ok, ...r }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
