import { now } from "@/lib/dates";
import { isTerminalAuthorized } from "@/lib/payments/terminals/auth";
import { handleTerminalRequest } from "@/lib/payments/terminals/handle-request";
import { isTerminalProvider, toXml } from "@/lib/payments/terminals/protocol";

export const dynamic = "force-dynamic";

const XML = { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-store" };

/**
 * GET /api/v1/terminal/<quickpay|megacom|pay24>?command=check|pay&txn_id=…&account=…&sum=…&service=citizen|foreigner
 *   [&txn_date=YYYYMMDDHHMMSS&fio=…&phone=…]  — the terminals' provider protocol (issue #5).
 */
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!isTerminalProvider(provider)) return new Response("Unknown provider", { status: 404 });
  if (!isTerminalAuthorized(request, provider)) {
    return new Response("Unauthorized", {
      status: 401,
      headers: { "WWW-Authenticate": `Basic realm="oms-terminal-${provider}", charset="UTF-8"` },
    });
  }
  const response = await handleTerminalRequest(provider, new URL(request.url).searchParams, now());
  return new Response(toXml(response), { status: 200, headers: XML });
}
