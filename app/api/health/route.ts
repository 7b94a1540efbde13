export const dynamic = "force-dynamic";

/** Liveness (issue 16): the process answers. Whether it can serve is `/api/health/ready`. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
