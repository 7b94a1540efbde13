import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_TERMINAL_ENV } from "./support/terminal-auth.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root.replace(/\/$/, ""),
      // Server modules guard themselves with `server-only`; tests are server code.
      "server-only": `${root}tests/support/empty-module.ts`,
    },
  },
  test: {
    coverage: {
      provider: "v8",
      include: ["lib/rules/**/*.ts"],
      exclude: ["lib/rules/**/*.test.ts"],
      reporter: ["text-summary", "text"],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // The status and terminal limits are off for behaviour tests that send hundreds of requests from one
          // "address"; tests/integration/security-rate-limit.test.ts sets its own limits (vi.stubEnv).
          env: {
            RATE_LIMIT_STATUS_PER_MINUTE: "0",
            RATE_LIMIT_STATUS_PIN_PER_HOUR: "0",
            RATE_LIMIT_STATUS_DOCUMENT_PER_HOUR: "0",
            RATE_LIMIT_TERMINAL_PER_MINUTE: "0",
            // Behaviour tests pay on fixed days of 2024: they are not late (issue 11, hole 4 — its tests stub the
            // window back to the default, tests/integration/security-payment-dates.test.ts).
            PAYMENT_DATE_WINDOW_DAYS: "36500",
            // Terminals authenticate in every mode (issue 11, hole 3): the suite's own credentials, set explicitly.
            ...TEST_TERMINAL_ENV,
          },
          setupFiles: ["tests/integration/setup-db.ts"],
          // Each file gets its own freshly migrated database; PGlite boots slowly, so allow for it.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
