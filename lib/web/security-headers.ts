/**
 * The security headers of every page and API answer (issue 11, hole 7), set by proxy.ts per request.
 * Scripts: only those carrying this request's nonce — Next's own ('strict-dynamic' lets them load their chunks) and,
 * on the light citizen pages, the portal's one inline script (lib/web/light-pages.ts); no other inline script, no
 * eval outside development. The page cannot be framed (frame-ancestors 'none'), forms post only to the
 * portal, and HSTS tells browsers to use HTTPS only (production).
 */
export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next and React set a few inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The machine APIs the proxy skips (issue 17: the status check and the terminals are the hottest paths, and a proxy
 * pass costs more than their own work) answer with these headers instead, set by their route (lib/web/instrumented.ts).
 * A JSON or XML answer loads nothing, so its policy allows nothing.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
export const REFERRER_POLICY = "strict-origin-when-cross-origin";

/**
 * What next.config.js `headers()` adds to every answer Next gives (lowercase names): answers the production server
 * gives before Next — the fast lane's APIs and the build's static files (lib/web/fast-lane.ts) — carry them too.
 * tests/unit/security/headers.test.ts keeps the two lists equal.
 */
export const CONFIG_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": REFERRER_POLICY,
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** Server actions post at most this much; uploads (the providers' daily registry) have their own, larger limit. */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
const UPLOAD_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** The external-coverage registry (a national file: 1 000 000 rows ≈ 40 MB; lib/coverage/coverage.schema.ts). */
const COVERAGE_UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;
const COVERAGE_UPLOAD_PAGE = /^\/(ru|ky)\/staff\/admin\/coverage$/;
/** Pages whose server actions take an uploaded file (their limit: UPLOAD_BODY_LIMIT_BYTES, also next.config.js). */
const UPLOAD_PAGES = [
  /^\/(ru|ky)\/staff\/fund\/reconciliation(\/|$)/,
  // a contract's page takes its list of persons (CSV/XLSX, lib/contracts/read-file.ts)
  /^\/(ru|ky)\/staff\/office\/contracts\/[0-9a-f-]{36}$/,
  // a refund case's draft takes the application's scans (REFUND_UPLOAD_MAX_BYTES, 5 MB: lib/storage/file-type.ts),
  // refused over it with the form's own message rather than a bare 413
  /^\/(ru|ky)\/staff\/office\/refunds\/[0-9a-f-]{36}$/,
];

/** The body limit of a server-action POST to this path. */
export function actionBodyLimit(pathname: string): number {
  if (COVERAGE_UPLOAD_PAGE.test(pathname)) return COVERAGE_UPLOAD_LIMIT_BYTES;
  return UPLOAD_PAGES.some((re) => re.test(pathname)) ? UPLOAD_BODY_LIMIT_BYTES : ACTION_BODY_LIMIT_BYTES;
}

/** A payment provider's callback: a few hundred bytes of JSON; anything above this is refused with 413. */
export const CALLBACK_BODY_LIMIT_BYTES = 16 * 1024;
