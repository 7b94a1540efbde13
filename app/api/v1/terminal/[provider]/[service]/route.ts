import { now } from "@/lib/dates";
import { terminalHttpResponse } from "@/lib/payments/terminals/http";
import { rateLimitRequest } from "@/lib/web/rate-limit";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string; service: string }> };

/**
 * GET or POST /api/v1/terminal/<provider>/<citizen|foreigner|student>?command=…  — one menu item per service
 * (issue 18): the path names the service, the rest is the protocol of /api/v1/terminal/<provider>.
 */
export async function GET(request: Request, { params }: Params) {
  const { provider, service } = await params;
  return (
    (await rateLimitRequest(request, "terminalProvider", provider)) ??
    terminalHttpResponse(request, now(), provider, service)
  );
}

export async function POST(request: Request, { params }: Params) {
  const { provider, service } = await params;
  return (
    (await rateLimitRequest(request, "terminalProvider", provider)) ??
    terminalHttpResponse(request, now(), provider, service)
  );
}
