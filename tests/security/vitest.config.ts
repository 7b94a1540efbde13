import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Vite overwrites BASE_URL with "/" for the code it runs: keep the server address the caller gave.
const baseUrls = [process.env.BASE_URL, process.env.BASE_URL_2];
if (baseUrls[0]?.startsWith("http")) process.env.SECURITY_BASE_URL = baseUrls[0];
if (baseUrls[1]?.startsWith("http")) process.env.SECURITY_BASE_URL_2 = baseUrls[1];

/**
 * npm run test:security — HTTP-level checks of issue 11 against a production build on PostgreSQL: two `next start`
 * processes on one database, started by global-setup.ts, unless BASE_URL (and optionally BASE_URL_2) names servers
 * already running.
 */
export default defineConfig({
  root,
  resolve: { alias: { "@": root.replace(/\/$/, "") } },
  test: {
    name: "security",
    include: ["tests/security/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/security/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    // building (when no build can be reused) and starting two servers
    hookTimeout: 600_000,
  },
});
