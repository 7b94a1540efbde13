import { now } from "@/lib/dates";
import { isTerminalProvider } from "@/lib/payments/channels";
import { terminalAccess } from "@/lib/payments/terminals/auth";
import { handleTerminalRequest } from "@/lib/payments/terminals/handle-request";
import { isTerminalService, toXml } from "@/lib/payments/terminals/protocol";
import { toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";
import { clientAddress } from "./client-address";
import { instrumentedAnswer } from "./instrumented";
import { rateLimitAnswer } from "./rate-limit";

/** The path's segments: the provider, and the service when the path names one. */
export type TerminalParams = { provider: string; service?: string };

/**
 * A terminal's request as its handler reads it (./api-answer.ts): method, URL and headers, the path's parameters and a
 * POST's body. The production server's fast lane builds it from Node's request (no web `Request`: building one, then
 * a `Response`, and reading its body back through a stream was ≈ 6 % of a payment's CPU, issue 17); `next dev`'s route
 * from the web `Request` (`terminalApi`).
 */
export type TerminalApiRequest = ApiRequest & { readonly params: TerminalParams; readonly body: string | null };

const XML = { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" };

const textAnswer = (status: number, body: string, headers: Record<string, string> = {}): ApiAnswer => ({
  status,
  headers: { "content-type": "text/plain;charset=UTF-8", ...headers },
  body,
});

/**
 * The fields of a request: the query string, and for a POST its application/x-www-form-urlencoded body on top
 * (issue 18: some networks POST the same fields; the answers are the same).
 */
function requestParams(request: TerminalApiRequest): URLSearchParams {
  const params = new URL(request.url).searchParams;
  if (request.method !== "POST" || request.body === null) return params;
  for (const [key, value] of new URLSearchParams(request.body)) params.set(key, value);
  return params;
}

/**
 * GET or POST /api/v1/terminal/<provider>[/<citizen|foreigner|student>] — the terminals' provider protocol
 * (issues 5, 18). An unknown provider or service is 404; a caller without the provider's credentials is 401 (issue
 * 11, hole 3: in every mode), one outside its TERMINAL_ALLOW_<PROVIDER> list 403; a provider over its request limit
 * is 429 (issue 11), and so is an address refused too often (RATE_LIMIT_TERMINAL_REFUSED_PER_MINUTE); every other
 * answer is 200 with the protocol's XML, nothing before its declaration. The protocol itself is
 * lib/payments/terminals; this is its HTTP side.
 */
async function terminalAnswer(request: TerminalApiRequest, now: Date): Promise<ApiAnswer> {
  const { provider, service } = request.params;
  if (!isTerminalProvider(provider) || (service !== undefined && !isTerminalService(service)))
    return textAnswer(404, "Not found");
  // Credentials first: a caller without them must not spend the provider's budget (its real terminals would get 429);
  // its refusals are counted per client address instead.
  const access = terminalAccess(request, provider, clientAddress(request.headers));
  const limited =
    access === "ok"
      ? await rateLimitAnswer(request, "terminalProvider", provider)
      : await rateLimitAnswer(request, "terminalRefusedIp");
  if (limited) return limited;
  if (access === "unauthorized")
    return textAnswer(401, "Unauthorized", {
      "www-authenticate": `Basic realm="oms-terminal-${provider}", charset="UTF-8"`,
    });
  if (access === "forbidden") return textAnswer(403, "Forbidden");
  const response = await handleTerminalRequest(provider, requestParams(request), now, service);
  return { status: 200, headers: { ...XML }, body: toXml(response) };
}

/**
 * GET or POST /api/v1/terminal/<quickpay|megacom|pay24>?command=check|pay&txn_id=…&account=…[&sum=…]
 *   [&service=citizen|foreigner|student][&txn_date=YYYYMMDDHHMMSS&fio=…&phone=…] — the terminals' provider protocol
 * (issues 5, 18); without `service`, the citizens' policy. The production server answers it before Next (issue 17,
 * ./fast-lane.ts); `next dev` through app/api/v1/terminal/[provider]/route.ts.
 */
export const terminalApiAnswer = instrumentedAnswer(
  "/api/v1/terminal/[provider]",
  (request: TerminalApiRequest) => terminalAnswer(request, now()),
  { outsideProxy: true },
);

/**
 * GET or POST /api/v1/terminal/<provider>/<citizen|foreigner|student>?command=… — one menu item per service
 * (issue 18): the path names the service, the rest is the protocol of /api/v1/terminal/<provider>.
 */
export const terminalServiceApiAnswer = instrumentedAnswer(
  "/api/v1/terminal/[provider]/[service]",
  (request: TerminalApiRequest) => terminalAnswer(request, now()),
  { outsideProxy: true },
);

async function fromWebRequest(request: Request, params: TerminalParams): Promise<TerminalApiRequest> {
  const body = request.method === "POST" ? await request.text() : null;
  return { method: request.method, url: request.url, headers: request.headers, params, body };
}

/** The route handler of /api/v1/terminal/<provider> under `next dev` (the production server answers it first). */
export async function terminalApi(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  return toResponse(await terminalApiAnswer(await fromWebRequest(request, { provider })));
}

/** The route handler of /api/v1/terminal/<provider>/<service> under `next dev`. */
export async function terminalServiceApi(
  request: Request,
  { params }: { params: Promise<{ provider: string; service: string }> },
) {
  const { provider, service } = await params;
  return toResponse(await terminalServiceApiAnswer(await fromWebRequest(request, { provider, service })));
}
