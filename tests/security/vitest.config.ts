import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

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
