import { now } from "@/lib/dates";
import { terminalHttpResponse } from "@/lib/web/terminal-http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string }> };

/**
 * GET or POST /api/v1/terminal/<quickpay|megacom|pay24>?command=check|pay&txn_id=…&account=…[&sum=…]
 *   [&service=citizen|foreigner|student][&txn_date=YYYYMMDDHHMMSS&fio=…&phone=…] — the terminals' provider protocol
 * (issues 5, 18); without `service`, the citizens' policy.
 */
export async function GET(request: Request, { params }: Params) {
  const { provider } = await params;
  return terminalHttpResponse(request, now(), provider);
}

export async function POST(request: Request, { params }: Params) {
  const { provider } = await params;
  return terminalHttpResponse(request, now(), provider);
}
