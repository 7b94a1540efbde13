import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Two builds side by side (e.g. two end-to-end runs) need two directories.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships a WASM data bundle that Turbopack must not try to bundle (STACK.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  // A provider's daily registry (CSV) is uploaded through a server action: up to 100 000 lines.
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  // CI type-checks with `tsc --noEmit` as a step of its own; a build may skip repeating it (benchmarks, parallel runs).
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
