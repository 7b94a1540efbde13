/**
 * Benchmark (not a test): terminal `pay` under 50 concurrent connections against PostgreSQL.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:terminals [-- --requests 3000 --concurrency 50 --rebuild --profile --known]
 * Builds (once, into .next-bench, shared with bench:status; --rebuild builds again) and serves the app (tests/e2e/serve.ts) on a fresh database of that server, sends `pay` requests for
 * distinct people over keep-alive connections — 10 % of them re-sent at once as duplicates — and prints payments
 * accepted per second, p50/p99 latency, and the duplicate count found in the database afterwards (must be 0).
 * Then the same load against a bare reference on the same database (tests/bench/terminal-pay-bare-server.ts: node:http
 * + pg, the same writes in plain SQL) and the ratio of the two (issue 17).
 * --known: every payer is in the register already (a renewal's case: found, locked, their coverage read) instead of new.
 * --profile: the portal runs under `node --cpu-prof`; afterwards its CPU time during the measured load is printed by
 * where it was spent (tests/bench/cpu-profile.ts), the profile kept in tests/.tmp/profile for Chrome's DevTools.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import os from "node:os";
import { pgConfigFromUrl, withDatabase } from "../../lib/db/target";
import { monotonicMicros, summarizeCpuProfile } from "./cpu-profile";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg("requests", 3000);
const CONCURRENCY = arg("concurrency", 50);
const REBUILD = process.argv.includes("--rebuild");
const KNOWN = process.argv.includes("--known");
const PROFILE_DIR = process.argv.includes("--profile")
  ? path.resolve(import.meta.dirname, "../.tmp/profile", String(Date.now()))
  : null;
const PORT = 3300;
const BARE_PORT = 3301;
const POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? "20";
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

type LoadResult = {
  seconds: number;
  sent: number;
  distinct: number;
  answers: Map<number, number>;
  p50: string;
  p99: string;
  payments: number;
  txns: number;
  policies: number;
};

/** Sends the `pay` requests (10 % duplicates) to one server and counts what its database holds afterwards. */
async function load(
  base: string,
  runId: number,
  pinOffset: number,
  client: pg.Client,
  requests = REQUESTS,
): Promise<LoadResult> {
  const jobs: { txn: string; pin: string }[] = [];
  for (let i = 0; i < requests; i++)
    jobs.push({ txn: `${runId}${String(i).padStart(6, "0")}`, pin: pinFor(pinOffset + i) });
  // 10 % duplicates: the same request again, queued right behind the original.
  const queue = jobs.flatMap((j, i) => (i % 10 === 0 ? [j, j] : [j]));
  // --known: the payers are in the register already (named, no policy), as at a renewal: the payment locks them
  if (KNOWN)
    await client.query(
      `INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "birthDate", "sex", "category", "citizenship", "updatedAt")
       SELECT gen_random_uuid(), p, 'Известный', 'Плательщик',
              make_date(substr(p, 6, 4)::int, substr(p, 4, 2)::int, substr(p, 2, 2)::int),
              CASE left(p, 1) WHEN '1' THEN 'FEMALE'::"Sex" ELSE 'MALE'::"Sex" END, 'CITIZEN', 'KG', now()
         FROM unnest($1::text[]) AS p ON CONFLICT DO NOTHING`,
      [jobs.map((j) => j.pin)],
    );
  const latencies: number[] = [];
  const answers = new Map<number, number>();
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
        answers.set(code, (answers.get(code) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const counts = (
    await client.query(
      `SELECT count(*)::int AS payments, count(DISTINCT "externalTxnId")::int AS txns,
              (SELECT count(*)::int FROM "Policy" p JOIN "Payment" x ON x."policyId" = p.id WHERE x."externalTxnId" LIKE $1) AS policies
         FROM "Payment" WHERE channel = 'QUICKPAY' AND "externalTxnId" LIKE $1`,
      [`${runId}%`],
    )
  ).rows[0];
  return { seconds, sent: queue.length, distinct: jobs.length, answers, p50: pct(50), p99: pct(99), ...counts };
}

function report(name: string, r: LoadResult) {
  console.log(`\n${name}`);
  console.log(
    `  requests sent:           ${r.sent} (${r.distinct} distinct + ${r.sent - r.distinct} duplicates), ${CONCURRENCY} concurrent connections`,
  );
  console.log(`  answers:                 ${[...r.answers.entries()].map(([k, v]) => `result ${k}: ${v}`).join(", ")}`);
  console.log(
    `  payments accepted/s:     ${(r.payments / r.seconds).toFixed(1)}  (requests/s ${(r.sent / r.seconds).toFixed(1)}, ${r.seconds.toFixed(1)} s)`,
  );
  console.log(`  latency p50 / p99:       ${r.p50} ms / ${r.p99} ms`);
  console.log(`  payments in DB:          ${r.payments} for ${r.txns} transaction ids, ${r.policies} policies`);
  console.log(`  duplicates in DB:        ${r.payments - r.txns + (r.policies - r.payments)}`);
  if ((r.answers.get(0) ?? 0) !== r.sent) console.log("  (every request, duplicates included, should answer 0)");
}

async function main() {
  console.log(`Starting the app on :${PORT} (build + fresh PostgreSQL database)…`);
  const server = spawn("npx", ["tsx", "tests/e2e/serve.ts"], {
    cwd: root,
    // the production server is production: terminals authenticate with HTTP Basic, as they will in service.
    env: {
      ...process.env,
      E2E_PORT: String(PORT),
      NEXT_DIST_DIR: ".next-bench",
      // the build of `npm run bench:status` (or an earlier run) is reused; --rebuild builds again
      E2E_SKIP_BUILD: !REBUILD && fs.existsSync(path.join(root, ".next-bench/BUILD_ID")) ? "1" : "0",
      NEXT_SKIP_TYPECHECK: "1",
      DATABASE_POOL_SIZE: POOL_SIZE,
      TERMINAL_AUTH_QUICKPAY: CREDENTIALS,
      // a load test is given its own limit (README, Security): none
      RATE_LIMIT_TERMINAL_PER_MINUTE: "0",
      ...(PROFILE_DIR ? { E2E_SERVER_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let bare: ReturnType<typeof spawn> | null = null;
  const window = { fromUs: 0, toUs: 0 };
  let client: pg.Client | null = null;
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/api/health/ready`, 300_000);
    // The database the server uses (the newest oms_e2e_* database on this server): both servers write to it.
    const admin = new pg.Client({ ...pgConfigFromUrl(process.env.DATABASE_URL!), database: "postgres" });
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'oms_e2e_%' ORDER BY oid DESC LIMIT 1`,
    );
    await admin.end();
    const dbUrl = withDatabase(process.env.DATABASE_URL!, rows[0].datname);
    client = new pg.Client(pgConfigFromUrl(dbUrl));
    await client.connect();
    bare = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/bench/terminal-pay-bare-server.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(BARE_PORT), POOL_SIZE },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    await waitForServer(`http://127.0.0.1:${BARE_PORT}/?command=check`, 60_000);

    const runId = Date.now() % 100_000;
    // warm-up: a few payments each (connections, compiled queries)
    await load(`http://127.0.0.1:${PORT}/api/v1/terminal/quickpay`, runId * 10 + 1, 90_000, client, 200);
    await load(`http://127.0.0.1:${BARE_PORT}/`, runId * 10 + 4, 95_000, client, 200);
    window.fromUs = monotonicMicros();
    const ours = await load(`http://127.0.0.1:${PORT}/api/v1/terminal/quickpay`, runId * 10 + 2, 0, client);
    window.toUs = monotonicMicros();
    const theirs = await load(`http://127.0.0.1:${BARE_PORT}/`, runId * 10 + 3, 40_000, client);

    console.log(
      `\nTerminal \`pay\` benchmark (QuickPay, PostgreSQL, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; payers ${KNOWN ? "already registered (--known)" : "new"})`,
    );
    report("the portal (npm run start, recordPayment):", ours);
    report("bare reference (node:http + pg, the same writes in plain SQL, no rules):", theirs);
    const rate = (r: LoadResult) => r.payments / r.seconds;
    console.log(`\nratio portal / bare (payments accepted/s): ${((100 * rate(ours)) / rate(theirs)).toFixed(0)} %`);
    console.log(`target: ≥ 500 payments/s at ${CONCURRENCY} connections, p99 < 200 ms, duplicates 0`);
  } finally {
    await client?.end().catch(() => undefined);
    for (const child of [server, bare]) {
      try {
        if (child) process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    agent.destroy();
  }
  if (PROFILE_DIR && window.toUs) await printProfile(window);
}

/** Once the portal has stopped (it writes its profile on the way out): where its CPU went during the measured load. */
async function printProfile(window: { fromUs: number; toUs: number }) {
  const until = Date.now() + 30_000;
  let file: string | undefined;
  while (!file && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    // the server's profile: the largest (npx and tsx write small ones of their own)
    const found = fs.existsSync(PROFILE_DIR!)
      ? fs
          .readdirSync(PROFILE_DIR!)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => path.join(PROFILE_DIR!, f))
      : [];
    file = found.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  }
  if (!file) return console.log("\nno CPU profile was written");
  console.log(`\nthe portal's CPU during its measured load (${path.relative(root, file)}):`);
  for (const line of summarizeCpuProfile(file, window)) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
