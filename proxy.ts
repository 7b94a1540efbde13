import { NextResponse, type NextRequest } from "next/server";
import {
  actionBodyLimit,
  CALLBACK_BODY_LIMIT_BYTES,
  contentSecurityPolicy,
  HSTS,
  REFERRER_POLICY,
} from "@/lib/web/security-headers";
import { jsonError } from "@/lib/web/api-errors";
import { renewStaffSession } from "@/lib/web/session-idle";
import { requestIdFrom } from "@/lib/log";
import { unavailableResponse } from "@/lib/web/unavailable";

/**
 * Every request (issue 11, hole 7): a fresh nonce and a strict Content-Security-Policy (Next reads the nonce from the
 * request's CSP header and puts it on its own scripts), HSTS in production, no framing, a referrer policy; bodies
 * over their limit refused with 413 before any code reads them (server actions 1 MB, the registry upload 10 MB,
 * payment callbacks 16 KB); staff sessions renewed while in use (lib/web/session-idle.ts). Not an authorisation boundary: pages, actions and routes check the session themselves.
 */
export default async function proxy(request: NextRequest) {
  const tooLarge = bodyTooLarge(request);
  if (tooLarge) return tooLarge;
  const unavailable = unavailableResponse(request);
  if (unavailable) return unavailable;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  // Issue 16: one id per request on every log line it causes, and in the answer for support to quote.
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  response.headers.set("Referrer-Policy", REFERRER_POLICY);
  response.headers.set("X-Frame-Options", "DENY");
  if (process.env.NODE_ENV === "production") response.headers.set("Strict-Transport-Security", HSTS);
  if (/^\/(ru|ky)\/staff(\/|$)/.test(request.nextUrl.pathname)) await renewStaffSession(request, response);
  return response;
}

/**
 * A form posted without JavaScript: Next takes a page's multipart or urlencoded POST for a server action even without
 * the Next-Action header (and parses its body before it knows which), so the same limits apply. The APIs (/api/…)
 * have their own.
 */
function isFormPost(request: NextRequest, path: string): boolean {
  if (path.startsWith("/api/")) return false;
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(request.headers.get("content-type") ?? "");
}

function bodyTooLarge(request: NextRequest): Response | null {
  if (request.method !== "POST") return null;
  const length = Number(request.headers.get("content-length") ?? "0");
  const path = request.nextUrl.pathname;
  let limit: number | null = null;
  if (path.startsWith("/api/v1/payments/")) limit = CALLBACK_BODY_LIMIT_BYTES;
  else if (request.headers.has("next-action") || isFormPost(request, path)) {
    limit = actionBodyLimit(path);
    // A browser's form or React's fetch says how long its body is; a chunked one would reach Next's own 64 MB cap
    // unmeasured here (411: send the length).
    if (!request.headers.has("content-length") && request.headers.has("transfer-encoding"))
      return jsonError(request, 411, "security.lengthRequired");
  }
  if (limit === null || !(length > limit)) return null;
  return jsonError(request, 413, "security.payloadTooLarge", { limit: Math.floor(limit / 1024) });
}

export const config = {
  // Not the build's static files: they carry no script of ours and are cached. Not the machine APIs on the hottest
  // paths either (issue 17): the status check and the terminals (no body limit applies to them) set the same request
  // id and security headers themselves (lib/web/instrumented.ts, `outsideProxy`).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/status$|api/v1/terminal/).*)" }],
};
