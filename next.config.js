import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** URLs the development server's request log leaves out (tests/unit/security/dev-request-log.test.ts). */
export const DEV_LOG_IGNORE = [/^\/api\/v1\/(status|terminal)\b/, /[?&](pin|document|account|fio|phone|name)=/i];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Two builds side by side (e.g. two end-to-end runs) need two directories.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships a WASM data bundle that Turbopack must not try to bundle (STACK.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "rate-limiter-flexible"],
  poweredByHeader: false,
  // `next dev` blocks its own scripts and hot reload for a page opened at another host than localhost: the loopback
  // address (http://127.0.0.1:3000) is the same machine as localhost. Development only.
  allowedDevOrigins: ["127.0.0.1"],
  // `next dev` prints every request's URL: not those that carry a PIN, a document number, a name or a phone in their
  // query (the status API, the terminals' protocol — README "Security": nothing personal in a log line). Production
  // never prints URLs (server.js, lib/web/instrumented.ts).
  logging: { incomingRequests: { ignore: DEV_LOG_IGNORE } },
  // Next's own cap on a server action's body is the largest one: the external-coverage registry (1 000 000 rows ≈ 40
  // MB; the providers' daily registry and a contract's list take 10 MB). Every other action is held to 1 MB by
  // proxy.ts (lib/web/security-headers.ts), before Next reads it.
  // proxy.ts sees every action's body first: Next copies at most proxyClientMaxBodySize of it (10 MB by default) and
  // would hand the registry's action a truncated file. proxy.ts itself refuses each page's larger bodies by length.
  experimental: { serverActions: { bodySizeLimit: "64mb" }, proxyClientMaxBodySize: "64mb" },
  // CI type-checks with `tsc --noEmit` as a step of its own; a build may skip repeating it (benchmarks, parallel runs).
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

/**
 * What a production server cannot run without; an empty list when all is set. PORTAL_URL: links and redirects are
 * never built from the request's Host header (issue 11, hole 8); DATABASE_URL: no silent PGlite (issue 16); the test
 * acquirer only with its own secret (hole 1).
 */
export function productionServerProblems(env = process.env) {
  const problems = [];
  if (!env.PORTAL_URL) {
    problems.push(
      "PORTAL_URL is not set. Set it to the portal's public address (e.g. https://oms.fund.kg): links, redirects and the payment provider's URLs are built from it, never from the request's Host header.",
    );
  } else if (!/^https?:\/\/[^/\s]+\/?$/.test(env.PORTAL_URL)) {
    problems.push(`PORTAL_URL must be an origin like https://oms.fund.kg (got "${env.PORTAL_URL}").`);
  }
  if (env.PAYMENT_ACQUIRER && env.PAYMENT_ACQUIRER !== "test") {
    problems.push(
      `PAYMENT_ACQUIRER="${env.PAYMENT_ACQUIRER}" is not an acquirer this portal knows ("test", or unset).`,
    );
  }
  // Issue 16: PGlite is the zero-set-up database of `npm run dev` and of the test suite's own servers
  // (OMS_ALLOW_PGLITE=1), never a production server's silent fallback.
  if (!env.DATABASE_URL?.trim() && env.OMS_ALLOW_PGLITE !== "1") {
    problems.push(
      "DATABASE_URL is not set. Set it to the PostgreSQL database (postgresql://user:password@host:5432/oms): a production server never falls back to the embedded PGlite database.",
    );
  }
  if (env.PAYMENT_ACQUIRER === "test" && !env.TEST_ACQUIRER_SECRET) {
    problems.push(
      "PAYMENT_ACQUIRER=test needs TEST_ACQUIRER_SECRET (the test acquirer has no default secret in production).",
    );
  }
  return problems;
}

export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) {
    const problems = productionServerProblems();
    if (problems.length) {
      throw new Error(`The portal refuses to start in production:\n  • ${problems.join("\n  • ")}`);
    }
    // next-auth builds its own redirects from NEXTAUTH_URL, else the Host header: pin it to the portal's address.
    process.env.NEXTAUTH_URL ||= process.env.PORTAL_URL;
  }
  return withNextIntl(nextConfig);
}
