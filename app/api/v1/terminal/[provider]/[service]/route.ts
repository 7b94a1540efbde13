import { now } from "@/lib/dates";
import { terminalHttpResponse } from "@/lib/web/terminal-http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string; service: string }> };

/**
 * GET or POST /api/v1/terminal/<provider>/<citizen|foreigner|student>?command=…  — one menu item per service
 * (issue 18): the path names the service, the rest is the protocol of /api/v1/terminal/<provider>.
 */
export async function GET(request: Request, { params }: Params) {
  const { provider, service } = await params;
  return terminalHttpResponse(request, now(), provider, service);
}

export async function POST(request: Request, { params }: Params) {
  const { provider, service } = await params;
  return terminalHttpResponse(request, now(), provider, service);
}
