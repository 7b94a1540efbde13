import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { logUnexpectedError } from "@/lib/errors";
import type { ApiAnswer, ApiRequest } from "./api-answer";
import { errorAnswer } from "./api-errors";
import { unexpectedAnswer } from "./api-responses";
import { CONFIG_HEADERS } from "./security-headers";
import { isLightPageRequest, lightPagesEnabled, serveLightPage } from "./light-pages";
import { StaticAssets } from "./static-assets";
import { statusApiAnswer } from "./status-api";
import {
  terminalApiAnswer,
  terminalServiceApiAnswer,
  type TerminalApiRequest,
  type TerminalParams,
} from "./terminal-http";

/**
 * The fast lane (issue 17): the two machine APIs that carry the country's load — the insured-status check (every clinic
 * visit) and the payment terminals (every payday) — answered by the production server (server.js) straight from Node's
 * `http` request, before Next's router. Next's route machinery cost ≈ 10 ms of CPU per request on our 2-core machines,
 * against ≈ 0.3 ms for the work itself; the handlers are the very same functions app/api serves under `next dev`
 * (lib/web/status-api.ts, lib/web/terminal-http.ts), with their rate limits, 503 while the database is away,
 * metrics, access log and security headers (lib/web/instrumented.ts).
 *
 * Anything else — another path, method or a trailing slash — is left to Next (`serveFast` returns false), so Next
 * answers 404/405/redirects exactly as before. Nothing here logs a URL: the status check's PIN is in its query string.
 *
 * The build's scripts and stylesheets (`/_next/static/…`) are answered here too, compressed once with brotli or gzip
 * instead of gzipped by Next on every request (./static-assets.ts).
 */
// The status check reads Node's request as it is (./api-answer.ts); a terminal's handler also its path's parameters
// and a POST's body (./terminal-http.ts). Both answer with plain data, written to Node's response as it is.
type Match =
  | { route: string; answer: (request: ApiRequest) => Promise<ApiAnswer> }
  | { route: string; terminal: (request: TerminalApiRequest) => Promise<ApiAnswer>; params: TerminalParams };

/** A terminal's form post is a few hundred bytes; more is refused unread (413, as the proxy does for callbacks). */
const MAX_BODY_BYTES = 16 * 1024;

const TERMINAL = /^\/api\/v1\/terminal\/([^/]+)(?:\/([^/]+))?$/;

function segment(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The route of a request the fast lane answers, or null (Next answers it). */
export function fastRoute(method: string, path: string): Match | null {
  if (path === "/api/v1/status") return method === "GET" ? { route: "/api/v1/status", answer: statusApiAnswer } : null;
  if (method !== "GET" && method !== "POST") return null;
  const m = TERMINAL.exec(path);
  if (!m) return null;
  const provider = segment(m[1]!);
  const service = m[2] === undefined ? undefined : segment(m[2]);
  if (provider === null || service === null) return null;
  return service === undefined
    ? { route: "/api/v1/terminal/[provider]", terminal: terminalApiAnswer, params: { provider } }
    : {
        route: "/api/v1/terminal/[provider]/[service]",
        terminal: terminalServiceApiAnswer,
        params: { provider, service },
      };
}

/** The production build's `static` directory, in the directory server.js gives Next (its own; else the working one). */
const appDir =
  ((globalThis as Record<symbol, unknown>)[Symbol.for("oms.appDir")] as string | undefined) ?? process.cwd();
const assets = new StaticAssets(path.join(appDir, process.env.NEXT_DIST_DIR || ".next", "static"));

/** Answers the request and returns true when it is the fast lane's; false leaves it to Next. */
function serveFast(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url;
  if (url?.startsWith("/_next/static/")) return assets.serve(req, res);
  if (!url?.startsWith("/api/v1/")) return false;
  const q = url.indexOf("?");
  const match = fastRoute(req.method ?? "GET", q === -1 ? url : url.slice(0, q));
  if (!match) return false;
  const done =
    "answer" in match
      ? match.answer(nodeRequest(req, url)).then((answer) => writeAnswer(res, answer))
      : terminal(req, res, url, match);
  done.catch((e: unknown) => {
    const id = logUnexpectedError(e, `${req.method} ${match.route}`);
    if (res.headersSent) res.destroy();
    else writeAnswer(res, unexpectedAnswer(id));
  });
  return true;
}

/**
 * Node's request as the status API reads it (./api-answer.ts `ApiRequest`): its headers straight from Node's parsed
 * ones — duplicates joined with ", " as a web `Headers` joins them — and, as Next's router does, the socket's address
 * as X-Forwarded-For when the request names none (./client-address.ts decides how far the header is believed).
 */
function nodeRequest(req: IncomingMessage, url: string): ApiRequest {
  const parsed = req.headers;
  return {
    method: req.method ?? "GET",
    // the origin is never read (links come from PORTAL_URL, issue 11 hole 8); the path and query are the request's
    url: `http://localhost${url}`,
    headers: {
      get(name: string): string | null {
        const key = name.toLowerCase();
        const value = parsed[key] ?? (key === "x-forwarded-for" ? req.socket.remoteAddress : undefined);
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
  };
}

async function terminal(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  match: Extract<Match, { terminal: unknown }>,
): Promise<void> {
  let body: string | null = null;
  if (req.method === "POST") {
    body = await readBody(req);
    if (body === null) {
      writeAnswer(res, errorAnswer(nodeRequest(req, url), 413, "security.payloadTooLarge"));
      return;
    }
  }
  writeAnswer(res, await match.terminal({ ...nodeRequest(req, url), params: match.params, body }));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A plain answer, written as is: next.config.js's headers, then the answer's own (lowercase names both). */
function writeAnswer(res: ServerResponse, answer: ApiAnswer): void {
  const out: Record<string, string> = { ...CONFIG_HEADERS, ...answer.headers };
  out["content-length"] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, out);
  res.end(answer.body);
}

/**
 * instrumentation.ts calls this when Next starts in Node: server.js finds the lane under a well-known symbol. The
 * lane is compiled by Next with the rest of the app (its `@/` imports, `server-only`, one set of singletons on
 * globalThis: the database pool, the rate-limit counters, the metrics registry), so server.js stays plain JavaScript.
 */
export function publishFastLane(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for("oms.fastLane")] = serveFast;
  // Light citizen pages (./light-pages.ts): server.js calls this before Next's handler on every other request.
  (globalThis as Record<symbol, unknown>)[Symbol.for("oms.lightPages")] = lightPagesEnabled() ? prepareLightPage : null;
}

/** Wraps the response of a citizen page's request so that it leaves without the framework's scripts. */
function prepareLightPage(req: IncomingMessage, res: ServerResponse): void {
  if (isLightPageRequest(req.method, req.url ?? "", req.headers)) serveLightPage(req, res);
}
