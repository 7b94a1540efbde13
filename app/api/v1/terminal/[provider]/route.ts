import { now } from "@/lib/dates";
import { terminalHttpResponse } from "@/lib/web/terminal-http";
import { instrumented } from "@/lib/web/instrumented";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string }> };

/**
 * GET or POST /api/v1/terminal/<quickpay|megacom|pay24>?command=check|pay&txn_id=…&account=…[&sum=…]
 *   [&service=citizen|foreigner|student][&txn_date=YYYYMMDDHHMMSS&fio=…&phone=…] — the terminals' provider protocol
 * (issues 5, 18); without `service`, the citizens' policy.
 */
async function get(request: Request, { params }: Params) {
  const { provider } = await params;
  return terminalHttpResponse(request, now(), provider);
}

async function post(request: Request, { params }: Params) {
  const { provider } = await params;
  return terminalHttpResponse(request, now(), provider);
}

export const GET = instrumented("/api/v1/terminal/[provider]", get, { outsideProxy: true });
export const POST = instrumented("/api/v1/terminal/[provider]", post, { outsideProxy: true });
