/**
 * Benchmark (not a test): terminal `pay` under 50 concurrent connections against PostgreSQL.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:terminals [-- --requests 3000 --concurrency 50]
 * Builds and serves the app (tests/e2e/serve.ts) on a fresh database of that server, sends `pay` requests for
 * distinct people over keep-alive connections — 10 % of them re-sent at once as duplicates — and prints payments
 * accepted per second, p50/p99 latency, and the duplicate count found in the database afterwards (must be 0).
 */
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl } from "../../lib/db/target";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg("requests", 3000);
const CONCURRENCY = arg("concurrency", 50);
const PORT = 3300;
const CREDENTIALS = "bench:bench-secret";
const AUTH = `Basic ${Buffer.from(CREDENTIALS).toString("base64")}`;
const root = path.resolve(import.meta.dirname, "../..");

if (!process.env.DATABASE_URL?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}

function pinFor(i: number): string {
  // Adults born 1980–1999 (SPEC §8 layout), distinct serials.
  const year = 1980 + (i % 20);
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (i % 12)).padStart(2, "0");
  return `${1 + (i % 2)}${day}${month}${year}${String(i % 100_000).padStart(5, "0")}`;
}

function txnDate(): string {
  return new Date(Date.now() + 6 * 3600_000 - 60_000).toISOString().replace(/\D/g, "").slice(0, 14);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization: AUTH } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("server did not start");
}

async function main() {
  console.log(`Starting the app on :${PORT} (build + fresh PostgreSQL database)…`);
  const server = spawn("npx", ["tsx", "tests/e2e/serve.ts"], {
    cwd: root,
    // `next start` is production: terminals authenticate with HTTP Basic, as they will in service.
    env: {
      ...process.env,
      E2E_PORT: String(PORT),
      NEXT_DIST_DIR: ".next-bench",
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20",
      TERMINAL_AUTH_QUICKPAY: CREDENTIALS,
      // a load test is given its own limit (README, Security): none
      RATE_LIMIT_TERMINAL_PER_MINUTE: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/api/health/ready`, 300_000);
    const base = `http://127.0.0.1:${PORT}/api/v1/terminal/quickpay`;
    const runId = Date.now() % 1_000_000;
    const jobs: { txn: string; pin: string }[] = [];
    for (let i = 0; i < REQUESTS; i++) jobs.push({ txn: `${runId}${String(i).padStart(6, "0")}`, pin: pinFor(i) });
    // 10 % duplicates: the same request again, queued right behind the original.
    const queue = jobs.flatMap((j, i) => (i % 10 === 0 ? [j, j] : [j]));
    const latencies: number[] = [];
    const results = new Map<number, number>();
    let next = 0;
    const url = (j: { txn: string; pin: string }) =>
      `${base}?${new URLSearchParams({ command: "pay", txn_id: j.txn, account: j.pin, sum: "1840", service: "citizen", txn_date: txnDate(), fio: "Бенчмарков Тест", phone: "0700000000" })}`;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < queue.length) {
          const job = queue[next++]!;
          const t0 = performance.now();
          const res = await get(url(job));
          latencies.push(performance.now() - t0);
          const code = Number(/<result>(\d+)<\/result>/.exec(res.body)?.[1] ?? -1);
          results.set(code, (results.get(code) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);

    // Count in the database the server used (the newest oms_e2e_* database on this server).
    const admin = new pg.Client({ ...pgConfigFromUrl(process.env.DATABASE_URL!), database: "postgres" });
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'oms_e2e_%' ORDER BY oid DESC LIMIT 1`,
    );
    await admin.end();
    const client = new pg.Client({ ...pgConfigFromUrl(process.env.DATABASE_URL!), database: rows[0].datname });
    await client.connect();
    const counts = (
      await client.query(
        `SELECT count(*)::int AS payments, count(DISTINCT "externalTxnId")::int AS txns,
                (SELECT count(*)::int FROM "Policy" p JOIN "Payment" x ON x."policyId" = p.id WHERE x."externalTxnId" LIKE $1) AS policies
           FROM "Payment" WHERE channel = 'QUICKPAY' AND "externalTxnId" LIKE $1`,
        [`${runId}%`],
      )
    ).rows[0];
    await client.end();

    const accepted = results.get(0) ?? 0;
    console.log("\nTerminal `pay` benchmark (QuickPay, PostgreSQL, 2 cores)");
    console.log(
      `  requests sent:           ${queue.length} (${jobs.length} distinct + ${queue.length - jobs.length} duplicates), ${CONCURRENCY} concurrent connections`,
    );
    console.log(`  answers:                 ${[...results.entries()].map(([k, v]) => `result ${k}: ${v}`).join(", ")}`);
    console.log(
      `  payments accepted/s:     ${(counts.payments / seconds).toFixed(1)}  (requests/s ${(queue.length / seconds).toFixed(1)}, ${seconds.toFixed(1)} s)`,
    );
    console.log(`  latency p50 / p99:       ${pct(50)} ms / ${pct(99)} ms`);
    console.log(
      `  payments in DB:          ${counts.payments} for ${counts.txns} transaction ids, ${counts.policies} policies`,
    );
    console.log(`  duplicates in DB:        ${counts.payments - counts.txns + (counts.policies - counts.payments)}`);
    if (accepted !== queue.length) console.log("  (every request, duplicates included, should answer 0)");
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    agent.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
