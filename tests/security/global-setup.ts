/**
 * Starts what the security suite talks to (issue 11): a fresh PostgreSQL database (migrated, reference and demo data:
 * the demo admin and refund officer have a second factor) and TWO production servers (`server.js`, as `npm run start`) of one production build on
 * it, so a rate limit must be shared through the database to hold. Each server's stdout and stderr go to a file the
 * suite scans for PINs at the end. The build is reused when SECURITY_REUSE_BUILD=1 and one exists (npm test runs
 * this right after the e2e suite built the app); otherwise `next build` runs first.
 * With BASE_URL set (BASE_URL_2 optional), nothing is started: the suite checks those servers.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb } from "../../lib/db/client";
import { withDatabase } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";
import { seedDemoData, seedReferenceData } from "../../prisma/seed";
import { adminQuery, TMP_DIR, uniqueName } from "../support/databases";
import { TEST_TERMINAL_ENV } from "../support/terminal-auth";

declare module "vitest" {
  export interface ProvidedContext {
    /** metricsToken: the servers' METRICS_TOKEN when this setup started them (null with BASE_URL: not known) */
    securityServers: { urls: string[]; logFiles: string[]; statusLimitPerMinute: number; metricsToken: string | null };
    /** for suites that start a server of their own on the same build (db-outage.test.ts); null with BASE_URL */
    ownServer: { databaseUrl: string; env: Record<string, string> } | null;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
/** Low, so that the suite reaches it in a few requests; the second server must see the first one's count. */
const STATUS_LIMIT = 5;
const METRICS_TOKEN = "security-suite-metrics-token";

async function waitForHealth(url: string, server: ChildProcess, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server for ${url} exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer /api/health`);
}

export default async function setup(project: TestProject) {
  // Vite sets BASE_URL="/" in the test process: only an http(s) address names a server.
  const external = [
    process.env.SECURITY_BASE_URL ?? process.env.BASE_URL,
    process.env.SECURITY_BASE_URL_2 ?? process.env.BASE_URL_2,
  ].filter((u): u is string => /^https?:\/\//.test(u ?? ""));
  if (external.length > 0) {
    const urls = external;
    project.provide("securityServers", {
      urls: urls.map((u) => u.replace(/\/$/, "")),
      logFiles: [],
      statusLimitPerMinute: Number(process.env.RATE_LIMIT_STATUS_PER_MINUTE ?? 60),
      metricsToken: process.env.METRICS_TOKEN ?? null,
    });
    project.provide("ownServer", null);
    return;
  }
  const server = process.env.DATABASE_URL?.trim();
  if (!server?.startsWith("postgres"))
    throw new Error("npm run test:security needs PostgreSQL: set DATABASE_URL=postgresql://… (or BASE_URL=…)");
  process.env.NEXTAUTH_SECRET ??= "security-suite-secret-for-tests-only"; // the seed seals the demo second factor with it
  const name = uniqueName("oms_security");
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  const target = { kind: "postgres" as const, url };
  await deployMigrations(target);
  const { db, close } = openDb(target);
  await seedReferenceData(db);
  await seedDemoData(db);
  await close();

  const ports = [Number(process.env.SECURITY_PORT ?? 3200), Number(process.env.SECURITY_PORT ?? 3200) + 1];
  const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };
  // Production as deployed by someone who set only what is required: no test acquirer, default windows, the suite's
  // own terminal credentials (hole 3), a low status limit to reach.
  for (const key of ["PAYMENT_ACQUIRER", "TEST_ACQUIRER_SECRET", "PAYMENT_DATE_WINDOW_DAYS", "NODE_ENV", "VITEST"])
    delete base[key];
  for (const key of Object.keys(base)) if (key.startsWith("RATE_LIMIT_") || key.startsWith("VITEST_")) delete base[key];
  Object.assign(base, TEST_TERMINAL_ENV, {
    RATE_LIMIT_STATUS_PER_MINUTE: String(STATUS_LIMIT),
    RATE_LIMIT_STATUS_PIN_PER_HOUR: "1000",
    // issue 17: the fast lane's requests are counted in the one registry /api/metrics reads (http.test.ts)
    METRICS_TOKEN,
  });

  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  if (!(process.env.SECURITY_REUSE_BUILD === "1" && built)) {
    const env = { ...base, PORTAL_URL: `http://127.0.0.1:${ports[0]}` };
    const build = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const logDir = path.join(TMP_DIR, uniqueName("security_logs"));
  fs.mkdirSync(logDir, { recursive: true });
  const servers: ChildProcess[] = [];
  const logFiles: string[] = [];
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  for (const [i, port] of ports.entries()) {
    const logFile = path.join(logDir, `server-${port}.log`);
    const out = fs.openSync(logFile, "a");
    const env = { ...base, PORTAL_URL: urls[i], NEXTAUTH_URL: urls[i] };
    servers.push(
      spawn(process.execPath, ["server.js", "-H", "127.0.0.1", "-p", String(port)], {
        cwd: root,
        env,
        stdio: ["ignore", out, out],
        detached: true,
      }),
    );
    logFiles.push(logFile);
  }
  const stop = async () => {
    for (const s of servers) {
      try {
        if (s.pid) process.kill(-s.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  };
  try {
    await Promise.all(urls.map((u, i) => waitForHealth(u, servers[i]!)));
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide("securityServers", {
    urls,
    logFiles,
    statusLimitPerMinute: STATUS_LIMIT,
    metricsToken: METRICS_TOKEN,
  });
  const ownEnv = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  project.provide("ownServer", { databaseUrl: url, env: ownEnv });
  return async () => {
    await stop();
    if (process.env.SECURITY_KEEP_LOGS !== "1") fs.rmSync(logDir, { recursive: true, force: true });
  };
}
