import { now } from "@/lib/dates";
import { isTerminalProvider } from "@/lib/payments/channels";
import { terminalAccess } from "@/lib/payments/terminals/auth";
import { handleTerminalRequest } from "@/lib/payments/terminals/handle-request";
import { isTerminalService, toXml } from "@/lib/payments/terminals/protocol";
import { clientAddress } from "./client-address";
import { instrumented } from "./instrumented";
import { rateLimitRequest } from "./rate-limit";

const XML = { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The fields of a request: the query string, and for a POST its application/x-www-form-urlencoded body on top
 * (issue 18: some networks POST the same fields; the answers are the same).
 */
async function requestParams(request: Request): Promise<URLSearchParams> {
  const params = new URL(request.url).searchParams;
  if (request.method !== "POST") return params;
  const body = new URLSearchParams(await request.text());
  for (const [key, value] of body) params.set(key, value);
  return params;
}

/**
 * GET or POST /api/v1/terminal/<provider>[/<citizen|foreigner|student>] — the terminals' provider protocol
 * (issues 5, 18). An unknown provider or service is 404; a caller without the provider's credentials is 401 (issue
 * 11, hole 3: in every mode), one outside its TERMINAL_ALLOW_<PROVIDER> list 403; a provider over its request limit
 * is 429 (issue 11), and so is an address refused too often (RATE_LIMIT_TERMINAL_REFUSED_PER_MINUTE); every other answer is 200 with the protocol's XML, nothing
 * before its declaration. The protocol itself is lib/payments/terminals; this is its HTTP side.
 */
async function terminalHttpResponse(
  request: Request,
  now: Date,
  provider: string,
  service?: string,
): Promise<Response> {
  if (!isTerminalProvider(provider) || (service !== undefined && !isTerminalService(service)))
    return new Response("Not found", { status: 404 });
  // Credentials first: a caller without them must not spend the provider's budget (its real terminals would get 429);
  // its refusals are counted per client address instead.
  const access = terminalAccess(request, provider, clientAddress(request.headers));
  const limited =
    access === "ok"
      ? await rateLimitRequest(request, "terminalProvider", provider)
      : await rateLimitRequest(request, "terminalRefusedIp");
  if (limited) return limited;
  if (access === "unauthorized") {
    return new Response("Unauthorized", {
      status: 401,
      headers: { "WWW-Authenticate": `Basic realm="oms-terminal-${provider}", charset="UTF-8"` },
    });
  }
  if (access === "forbidden") return new Response("Forbidden", { status: 403 });
  const response = await handleTerminalRequest(provider, await requestParams(request), now, service);
  return new Response(toXml(response), { status: 200, headers: XML });
}

/** /api/v1/terminal/<provider>: no service in the path (a `service` parameter may name one, lib/payments/terminals). */
async function providerRoute(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  return terminalHttpResponse(request, now(), provider);
}

/** /api/v1/terminal/<provider>/<service>: the path names the service. */
async function serviceRoute(request: Request, { params }: { params: Promise<{ provider: string; service: string }> }) {
  const { provider, service } = await params;
  return terminalHttpResponse(request, now(), provider, service);
}

/**
 * GET or POST /api/v1/terminal/<quickpay|megacom|pay24>?command=check|pay&txn_id=…&account=…[&sum=…]
 *   [&service=citizen|foreigner|student][&txn_date=YYYYMMDDHHMMSS&fio=…&phone=…] — the terminals' provider protocol
 * (issues 5, 18); without `service`, the citizens' policy. The production server answers it before Next (issue 17,
 * ./fast-lane.ts); `next dev` through app/api/v1/terminal/[provider]/route.ts.
 */
export const terminalApi = instrumented("/api/v1/terminal/[provider]", providerRoute, { outsideProxy: true });

/**
 * GET or POST /api/v1/terminal/<provider>/<citizen|foreigner|student>?command=… — one menu item per service
 * (issue 18): the path names the service, the rest is the protocol of /api/v1/terminal/<provider>.
 */
export const terminalServiceApi = instrumented("/api/v1/terminal/[provider]/[service]", serviceRoute, {
  outsideProxy: true,
});
