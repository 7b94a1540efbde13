import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { findChromium } from "./support/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.tmp/playwright-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // A journey scans every page it visits with axe twice (desktop and a 360 px phone): about 1.5 s a scan on an idle
  // 2-core machine, twice that when two workers share the cores, and a journey visits up to ten pages.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // Builds the app and serves it on a database of its own, migrated and seeded with demo data.
    command: "npx tsx tests/e2e/serve.ts",
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    url: `${baseURL}/api/health/ready`,
    // a cold `next build` of the whole portal takes minutes on a 2-core machine
    timeout: 900_000,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
    // Playwright would SIGKILL the server; SIGTERM lets serve.ts stop it and drop its database (oms_e2e_*), which
    // every run otherwise leaves behind on the PostgreSQL server.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
