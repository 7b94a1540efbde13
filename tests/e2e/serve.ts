/**
 * The end-to-end web server: a database of its own (a fresh PostgreSQL database when DATABASE_URL is set, else a
 * fresh PGlite directory), migrated and seeded with the demo data, then `next build` and the production server (`server.js`, what `npm run start` runs).
 * Removes its database when stopped.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDb } from "../../lib/db/client";
import { describeTarget, resolveDbTarget, withDatabase, type DbTarget } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";
import { seedDemoData, seedReferenceData } from "../../prisma/seed";
import { adminQuery, TMP_DIR, uniqueName } from "../support/databases";
import { TEST_TERMINAL_ENV } from "../support/terminal-auth";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";

async function main() {
  process.env.NEXTAUTH_SECRET ??= "e2e-secret-for-tests-only"; // the seed seals the demo second factor with it
  const base = resolveDbTarget();
  let target: DbTarget;
  let dispose: () => Promise<void>;
  if (base.kind === "postgres") {
    const name = uniqueName("oms_e2e");
    await adminQuery(base.url, `CREATE DATABASE "${name}"`);
    target = { kind: "postgres", url: withDatabase(base.url, name) };
    dispose = () => adminQuery(base.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = path.join(TMP_DIR, uniqueName("e2e_pglite"));
    target = { kind: "pglite", dir };
    dispose = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`[e2e] database ${describeTarget(target)}`);
  await deployMigrations(target);
  const { db, close } = openDb(target);
  await seedReferenceData(db);
  await seedDemoData(db);
  await close(); // PGlite: the server must be the only process with the directory open

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // A production server needs its public address and an explicitly chosen test acquirer (issue 11, holes 1 and 8).
    PORTAL_URL: process.env.PORTAL_URL ?? `http://127.0.0.1:${port}`,
    PAYMENT_ACQUIRER: process.env.PAYMENT_ACQUIRER ?? "test",
    TEST_ACQUIRER_SECRET: process.env.TEST_ACQUIRER_SECRET ?? "e2e-test-acquirer-secret",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-for-tests-only",
    // Terminals authenticate in every mode (hole 3): the suite's own credentials unless the caller set some.
    ...Object.fromEntries(Object.entries(TEST_TERMINAL_ENV).map(([k, v]) => [k, process.env[k] ?? v])),
    NEXT_TELEMETRY_DISABLED: "1",
    // the housekeeping jobs (issue 16) stay off in the suite's server unless a test asks for them
    JOBS_ENABLED: process.env.JOBS_ENABLED ?? "0",
    // warnings and errors only: an access line per request would bury the test report
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Hole 4 window (default 3 days): the journal specs register a cash receipt paid 10 days ago so that its policy is
    // in force today; the window is 14 days here, and the hole-4 spec pays 20 days back to be held all the same.
    PAYMENT_DATE_WINDOW_DAYS: process.env.PAYMENT_DATE_WINDOW_DAYS ?? "14",
    // The suite's browsers are one address checking the demo PIN again and again (the status pages, the purchase
    // journey's PIN step, appeals): ten times the defaults. The limits themselves are tested by
    // tests/integration/security-rate-limit.test.ts and tests/security/http.test.ts.
    RATE_LIMIT_STATUS_PER_MINUTE: process.env.RATE_LIMIT_STATUS_PER_MINUTE ?? "600",
    RATE_LIMIT_STATUS_PIN_PER_HOUR: process.env.RATE_LIMIT_STATUS_PIN_PER_HOUR ?? "300",
    RATE_LIMIT_STATUS_DOCUMENT_PER_HOUR: process.env.RATE_LIMIT_STATUS_DOCUMENT_PER_HOUR ?? "300",
    RATE_LIMIT_APPEAL_FILE_PER_HOUR: process.env.RATE_LIMIT_APPEAL_FILE_PER_HOUR ?? "100",
  };
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = target.dir;
    env.OMS_ALLOW_PGLITE = "1"; // the test suite's own production server (issue 16: never a silent fallback)
  }
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) {
      await dispose();
      process.exit(build.status ?? 1);
    }
  }
  // Node's own flags for the server (a benchmark's --profile: `--cpu-prof --cpu-prof-dir=…`), space-separated
  const nodeArgs = process.env.E2E_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, "server.js", "-H", "127.0.0.1", "-p", port], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await dispose().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
