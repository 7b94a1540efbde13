import { databaseDownSince, isDatabaseUnavailableError, reportDatabaseUnavailable } from "@/lib/db/availability";
import { translatorFor } from "@/lib/i18n/translate";
import { toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";
import { errorAnswer } from "./api-errors";

/** How long a client is asked to wait before trying again (the probe looks every 2 s). */
const RETRY_AFTER_SECONDS = 10;

/** The health checks answer for themselves: liveness stays 200 (restarting the process would not help), readiness 503. */
const HEALTH = /^\/api\/health(\/|$)/;

/**
 * Issue 16: while the database is known to be away (lib/db/availability.ts), every request is answered at once with
 * 503 — a translated page for people (it reloads itself), the API's error shape for machines — instead of each one
 * waiting for its own connection timeout. Nothing is queued; once the probe reaches the database, requests go through
 * again without a restart. Readiness (/api/health/ready) answers 503 by itself.
 */
export function unavailableResponse(request: Request & { nextUrl: URL }): Response | null {
  if (databaseDownSince() === null) return null;
  const path = request.nextUrl.pathname;
  if (HEALTH.test(path)) return null;
  if (path.startsWith("/api/")) return toResponse(apiUnavailable(request));
  const locale = path.startsWith("/ky") ? "ky" : "ru";
  return new Response(unavailablePage(locale, path), {
    status: 503,
    headers: { ...RETRY_AFTER, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const RETRY_AFTER = { "Retry-After": String(RETRY_AFTER_SECONDS) };

function apiUnavailable(request: Pick<ApiRequest, "headers">): ApiAnswer {
  return errorAnswer(request, 503, "security.unavailable.api", { seconds: RETRY_AFTER_SECONDS }, RETRY_AFTER);
}

/** A route the proxy skips (the status API, the terminals): 503 at once while the database is known to be away. */
export function unavailableAnswerWhileDown(request: Pick<ApiRequest, "headers">): ApiAnswer | null {
  return databaseDownSince() === null ? null : apiUnavailable(request);
}

/** An API handler threw because the database cannot be reached: 503 in the API's error shape, else null. */
export function databaseUnavailableAnswer(request: Pick<ApiRequest, "headers">, error: unknown): ApiAnswer | null {
  if (!isDatabaseUnavailableError(error)) return null;
  // the next requests are answered at once, and the probe looks for the database's return
  reportDatabaseUnavailable();
  return apiUnavailable(request);
}

/** databaseUnavailableAnswer as a web `Response`. */
export function databaseUnavailableResponse(request: Pick<ApiRequest, "headers">, error: unknown): Response | null {
  const answer = databaseUnavailableAnswer(request, error);
  return answer && toResponse(answer);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A self-contained page: no script, no stylesheet of the build, nothing that needs the database. */
function unavailablePage(locale: "ru" | "ky", path: string): string {
  const t = translatorFor(locale);
  const title = escapeHtml(t("security.unavailable.title"));
  const other = locale === "ru" ? "ky" : "ru";
  const otherTitle = escapeHtml(translatorFor(other)("security.unavailable.title"));
  const here = escapeHtml(path);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.5rem}a{color:#1d4ed8}</style></head>
<body><main><h1>${title}</h1><p>${escapeHtml(t("security.unavailable.text"))}</p>
<p><a href="${here}">${escapeHtml(t("security.unavailable.retry"))}</a></p>
<p lang="${other}">${otherTitle}</p></main></body></html>`;
}
