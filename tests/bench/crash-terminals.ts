/**
 * Crash safety, shown (issue 16) — a script, not a test:
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run crash:terminals [-- --kills 3 --burst 300]
 * Builds the app once (CRASH_SKIP_BUILD=1 reuses .next-crash), serves it with `server.js` (`npm run start`) on a fresh PostgreSQL
 * database of that server, and for each kill: sends a burst of terminal `pay` requests (unique txn_ids, 20 at a time),
 * kills the server with SIGKILL in the middle of the burst, restarts it, lets the "terminals" retry every request that
 * got no answer (same txn_id, same txn_date — as OSMP terminals do) until each is answered, then checks in the
 * database that every payment answered result 0 exists exactly once and nothing else does. Prints the counts per kill
 * and exits non-zero on any lost or duplicated payment. Loopback only; every loop is bounded.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { openDb } from "../../lib/db/client";
import { pgConfigFromUrl, withDatabase } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";
import { seedReferenceData } from "../../prisma/seed";
import { adminQuery, uniqueName } from "../support/databases";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = Math.max(3, arg("kills", 3));
const BURST = arg("burst", 300);
const CONCURRENCY = 20;
const PORT = Number(process.env.CRASH_PORT ?? 3107);
const CREDENTIALS = "crash:crash-secret";
const AUTH = `Basic ${Buffer.from(CREDENTIALS).toString("base64")}`;
const MAX_RETRY_ROUNDS = 20;
const root = path.resolve(import.meta.dirname, "../..");
const DIST = ".next-crash";

if (!process.env.DATABASE_URL?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}
const serverUrl = process.env.DATABASE_URL;

function pinFor(i: number): string {
  const year = 1980 + (i % 20);
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (i % 12)).padStart(2, "0");
  return `${1 + (i % 2)}${day}${month}${year}${String(i % 100_000).padStart(5, "0")}`;
}

function txnDate(): string {
  return new Date(Date.now() + 6 * 3600_000 - 60_000).toISOString().replace(/\D/g, "").slice(0, 14);
}

type Job = { txn: string; pin: string; date: string };

/** One request; null when the connection broke or timed out (no answer: the terminal will retry). */
function pay(j: Job): Promise<number | null> {
  const query = new URLSearchParams({
    command: "pay",
    txn_id: j.txn,
    account: j.pin,
    sum: "1840",
    service: "citizen",
    txn_date: j.date,
    fio: "Краш Тест",
    phone: "0700000000",
  });
  return new Promise((resolve) => {
    const req = http.get(
      `http://127.0.0.1:${PORT}/api/v1/terminal/quickpay?${query}`,
      { headers: { authorization: AUTH }, timeout: 30_000 },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          const m = /<result>(\d+)<\/result>/.exec(body);
          resolve(res.statusCode === 200 && m ? Number(m[1]) : null);
        });
        res.on("error", () => resolve(null));
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

async function ready(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(`http://127.0.0.1:${PORT}/api/health/ready`, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become ready");
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  // node + next's bin directly, in its own process group: SIGKILL reaches the server itself, not a wrapper.
  return spawn(process.execPath, ["server.js", "-H", "127.0.0.1", "-p", String(PORT)], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

function kill(server: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    try {
      process.kill(-server.pid!, signal);
    } catch {
      resolve();
    }
  });
}

async function main() {
  const dbName = uniqueName("oms_crash");
  await adminQuery(serverUrl, `CREATE DATABASE "${dbName}"`);
  const target = { kind: "postgres" as const, url: withDatabase(serverUrl, dbName) };
  let server: ChildProcess | null = null;
  let failed = false;
  try {
    await deployMigrations(target);
    const seeded = openDb(target);
    await seedReferenceData(seeded.db);
    await seeded.close();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: target.url,
      NEXT_DIST_DIR: DIST,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "crash-secret-for-tests-only",
      PORTAL_URL: `http://127.0.0.1:${PORT}`,
      PAYMENT_ACQUIRER: "test",
      TEST_ACQUIRER_SECRET: "crash-test-acquirer-secret",
      TERMINAL_AUTH_QUICKPAY: CREDENTIALS,
      RATE_LIMIT_TERMINAL_PER_MINUTE: "0",
      JOBS_ENABLED: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      // the server's own deprecation notices would drown the table
      NODE_OPTIONS: "--no-deprecation",
    };
    const client = new pg.Client(pgConfigFromUrl(target.url));
    await client.connect();
    if (process.env.CRASH_SKIP_BUILD !== "1") {
      console.log(`Building into ${DIST}…`);
      const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
        cwd: root,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    const runId = Date.now() % 100_000;
    console.log(
      `\nCrash safety: terminal pay (QuickPay), ${BURST} requests per burst, ${CONCURRENCY} at a time, SIGKILL mid-burst`,
    );
    console.log(
      "kill | answered before kill | unanswered → retried | of them committed | retry rounds | answered 0 | payments in DB | lost | duplicated | without policy | unexpected",
    );
    for (let k = 1; k <= KILLS; k++) {
      server = startServer(env);
      await ready(120_000);
      const prefix = `${runId}${k}`;
      const jobs: Job[] = Array.from({ length: BURST }, (_, i) => ({
        txn: `${prefix}${String(i).padStart(5, "0")}`,
        pin: pinFor(k * 10_000 + i),
        date: txnDate(),
      }));
      const answers = new Map<string, number>();
      let next = 0;
      let killed = false;
      const victim = server;
      // the kill: once about a third of the burst is answered, while the rest is in flight
      const killAt = Math.floor(BURST / 3);
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < jobs.length) {
            const j = jobs[next++]!;
            const r = await pay(j);
            if (r !== null) answers.set(j.txn, r);
            if (!killed && answers.size >= killAt) {
              killed = true;
              await kill(victim, "SIGKILL");
            }
          }
        }),
      );
      await kill(victim, "SIGKILL");
      const beforeKill = answers.size;
      const unanswered = jobs.filter((j) => !answers.has(j.txn));
      // requests the server committed but never answered: the retries below must not pay them twice
      const committed = (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Payment" WHERE channel = 'QUICKPAY' AND "externalTxnId" = ANY($1)`,
          [unanswered.map((j) => j.txn)],
        )
      ).rows[0]!.n;

      server = startServer(env);
      await ready(120_000);
      let rounds = 0;
      while (answers.size < jobs.length && rounds < MAX_RETRY_ROUNDS) {
        rounds++;
        const todo = jobs.filter((j) => !answers.has(j.txn));
        let i = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (i < todo.length) {
              const j = todo[i++]!;
              const r = await pay(j);
              if (r !== null) answers.set(j.txn, r);
            }
          }),
        );
      }
      await kill(server, "SIGTERM");
      server = null;

      const { rows } = await client.query<{ txn: string; n: number; orphans: number }>(
        `SELECT x."externalTxnId" AS txn, count(*)::int AS n,
                count(*) FILTER (WHERE p.id IS NULL)::int AS orphans
           FROM "Payment" x LEFT JOIN "Policy" p ON p.id = x."policyId"
          WHERE x.channel = 'QUICKPAY' AND x."externalTxnId" LIKE $1
          GROUP BY x."externalTxnId"`,
        [`${prefix}%`],
      );
      const inDb = new Map(rows.map((r) => [r.txn, r]));
      const zero = jobs.filter((j) => answers.get(j.txn) === 0);
      const lost = zero.filter((j) => !inDb.has(j.txn)).length;
      const duplicated = rows.filter((r) => r.n > 1).length;
      const orphans = rows.reduce((s, r) => s + r.orphans, 0);
      const unexpected = rows.filter((r) => answers.get(r.txn) !== 0).length;
      const stillUnanswered = jobs.length - answers.size;
      const payments = rows.reduce((s, r) => s + r.n, 0);
      console.log(
        `${String(k).padStart(4)} | ${String(beforeKill).padStart(20)} | ${String(unanswered.length).padStart(20)} | ${String(committed).padStart(17)} | ${String(rounds).padStart(12)} | ${String(zero.length).padStart(10)} | ${String(payments).padStart(14)} | ${String(lost).padStart(4)} | ${String(duplicated).padStart(10)} | ${String(orphans).padStart(14)} | ${String(unexpected).padStart(10)}`,
      );
      if (lost || duplicated || orphans || unexpected || stillUnanswered || zero.length !== jobs.length) {
        failed = true;
        if (stillUnanswered) console.log(`     ${stillUnanswered} request(s) never answered after ${rounds} rounds`);
        if (zero.length !== jobs.length) console.log(`     ${jobs.length - zero.length} request(s) answered non-zero`);
      }
    }
    await client.end();
    console.log(failed ? "\nFAILED: a payment was lost or duplicated" : "\nOK: 0 lost, 0 duplicated over every kill");
  } finally {
    if (server) await kill(server, "SIGKILL");
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
