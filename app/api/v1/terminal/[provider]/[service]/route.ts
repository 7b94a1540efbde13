import { now } from "@/lib/dates";
import { terminalHttpResponse } from "@/lib/web/terminal-http";
import { instrumented } from "@/lib/web/instrumented";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string; service: string }> };

/**
 * GET or POST /api/v1/terminal/<provider>/<citizen|foreigner|student>?command=…  — one menu item per service
 * (issue 18): the path names the service, the rest is the protocol of /api/v1/terminal/<provider>.
 */
async function get(request: Request, { params }: Params) {
  const { provider, service } = await params;
  return terminalHttpResponse(request, now(), provider, service);
}

async function post(request: Request, { params }: Params) {
  const { provider, service } = await params;
  return terminalHttpResponse(request, now(), provider, service);
}

export const GET = instrumented("/api/v1/terminal/[provider]/[service]", get, { outsideProxy: true });
export const POST = instrumented("/api/v1/terminal/[provider]/[service]", post, { outsideProxy: true });
