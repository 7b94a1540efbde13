/**
 * Benchmark (not a test): terminal `pay` under 50 concurrent connections against PostgreSQL.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:terminals [-- --requests 3000 --rounds 3 --warm-up 1500 --concurrency 50 --rebuild --profile --known]
 * Builds (once, into .next-bench, shared with bench:status; --rebuild builds again) and serves the app (tests/e2e/serve.ts) on a fresh database of that server, sends `pay` requests for
 * distinct people over keep-alive connections — 10 % of them re-sent at once as duplicates — and prints payments
 * accepted per second, p50/p99 latency, and the duplicate count found in the database afterwards (must be 0).
 * The same load goes to a bare reference on the same database (tests/bench/terminal-pay-bare-server.ts: node:http
 * + pg, the same writes in plain SQL), in alternating rounds after a warm-up of each; each round's figures are printed,
 * then each side's median round in full and the ratio of the two medians (issue 17).
 * --known: every payer is in the register already (a renewal's case: found, locked, their coverage read) instead of new.
 * --profile: the portal runs under `node --cpu-prof`; afterwards its CPU time during the first round is printed by
 * where it was spent (tests/bench/cpu-profile.ts), the profile kept in tests/.tmp/profile for Chrome's DevTools.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
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
const WARM_UP = arg("warm-up", 1500);
const ROUNDS = arg("rounds", 3);
const CONCURRENCY = arg("concurrency", 50);
const REBUILD = process.argv.includes("--rebuild");
const KNOWN = process.argv.includes("--known");
const PROFILE_DIR = process.argv.includes("--profile")
  ? path.resolve(import.meta.dirname, "../.tmp/profile", String(Date.now()))
  : null;
const PORT = 3300;
const BARE_PORT = 3301;
const TERMINAL_PATH = "/api/v1/terminal/quickpay";
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

/**
 * The load generator's side of one keep-alive connection: raw HTTP/1.1 over a socket, each request formatted before
 * the clock starts, each answer's status line skipped and its body read by Content-Length or chunks. The benchmark
 * shares the machine's two cores with the servers it measures, and Node's http client (its agent, parser and objects
 * per request) spent two to three times this one's CPU per request, so it is left out, as wrk is for the status
 * check (issue 17). Its CPU time is printed beside each result. A connection that fails or closes fails its request.
 */
class LoadConnection {
  private readonly socket: net.Socket;
  private buffer = "";
  private waiting: { resolve: (body: string) => void; reject: (e: Error) => void } | null = null;
  private readonly opened: Promise<void>;

  constructor(port: number) {
    this.socket = net.connect({ host: "127.0.0.1", port, noDelay: true });
    this.socket.setEncoding("latin1"); // bytes as they are: the body's non-ASCII text is never read
    this.opened = new Promise((resolve, reject) => this.socket.once("connect", resolve).once("error", reject));
    this.socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      const body = this.take();
      if (body === null) return;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.resolve(body);
    });
    const lost = (e?: Error) => this.waiting?.reject(e ?? new Error(`the server closed a connection (:${port})`));
    this.socket.on("error", lost).on("close", () => lost());
  }

  /** The answer's body once it has come in whole (and drops it from the buffer), else null. */
  private take(): string | null {
    const head = this.buffer.indexOf("\r\n\r\n");
    if (head < 0) return null;
    const headers = this.buffer.slice(0, head).toLowerCase();
    const length = /\r\ncontent-length: *(\d+)/.exec(headers);
    let body = "";
    let end: number;
    if (length) {
      end = head + 4 + Number(length[1]);
      if (this.buffer.length < end) return null;
      body = this.buffer.slice(head + 4, end);
    } else {
      // chunked: size line, data, CRLF … up to the last chunk, of size 0
      let at = head + 4;
      for (;;) {
        const line = this.buffer.indexOf("\r\n", at);
        if (line < 0) return null;
        const size = parseInt(this.buffer.slice(at, line), 16);
        if (this.buffer.length < line + 2 + size + 2) return null;
        body += this.buffer.slice(line + 2, line + 2 + size);
        at = line + 2 + size + 2;
        if (size === 0) break;
      }
      end = at;
    }
    this.buffer = this.buffer.slice(end);
    return body;
  }

  async send(request: string): Promise<string> {
    await this.opened;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close() {
    this.socket.destroy();
  }
}

type LoadResult = {
  seconds: number;
  sent: number;
  distinct: number;
  answers: Map<number, number>;
  p50: string;
  p99: string;
  /** the load generator's own CPU time while it ran */
  clientMs: number;
  payments: number;
  txns: number;
  policies: number;
};

/** Sends the `pay` requests (10 % duplicates) to one server and counts what its database holds afterwards. */
async function load(
  port: number,
  path: string,
  txnPrefix: string,
  pinOffset: number,
  client: pg.Client,
  requests = REQUESTS,
): Promise<LoadResult> {
  const jobs: { txn: string; pin: string }[] = [];
  for (let i = 0; i < requests; i++)
    jobs.push({ txn: `${txnPrefix}${String(i).padStart(6, "0")}`, pin: pinFor(pinOffset + i) });
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
  const paidAt = txnDate();
  const formatted = queue.map(
    (j) =>
      `GET ${path}?${new URLSearchParams({ command: "pay", txn_id: j.txn, account: j.pin, sum: "1840", service: "citizen", txn_date: paidAt, fio: "Бенчмарков Тест", phone: "0700000000" })} HTTP/1.1\r\n` +
      `Host: 127.0.0.1:${port}\r\nAuthorization: ${AUTH}\r\n\r\n`,
  );
  const connections = Array.from({ length: CONCURRENCY }, () => new LoadConnection(port));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < formatted.length) {
        const request = formatted[next++]!;
        const t0 = performance.now();
        const body = await connection.send(request);
        latencies.push(performance.now() - t0);
        const code = Number(/<result>(\d+)<\/result>/.exec(body)?.[1] ?? -1);
        answers.set(code, (answers.get(code) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  for (const connection of connections) connection.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const counts = (
    await client.query(
      `SELECT count(*)::int AS payments, count(DISTINCT "externalTxnId")::int AS txns,
              (SELECT count(*)::int FROM "Policy" p JOIN "Payment" x ON x."policyId" = p.id WHERE x."externalTxnId" LIKE $1) AS policies
         FROM "Payment" WHERE channel = 'QUICKPAY' AND "externalTxnId" LIKE $1`,
      [`${txnPrefix}%`],
    )
  ).rows[0];
  const clientMs = (user + system) / 1000;
  return {
    seconds,
    sent: queue.length,
    distinct: jobs.length,
    answers,
    p50: pct(50),
    p99: pct(99),
    clientMs,
    ...counts,
  };
}

const duplicatesIn = (r: LoadResult) => r.payments - r.txns + (r.policies - r.payments);

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
  console.log(
    `  load generator's CPU:    ${r.clientMs.toFixed(0)} ms (${((1000 * r.clientMs) / r.sent).toFixed(0)} µs a request)`,
  );
  console.log(`  payments in DB:          ${r.payments} for ${r.txns} transaction ids, ${r.policies} policies`);
  console.log(`  duplicates in DB:        ${duplicatesIn(r)}`);
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

    // Each load its own transaction ids (this run's, then the load's number) and its own payers (PINs by offset).
    const runId = Date.now() % 100_000;
    let loads = 0;
    let payers = 0;
    const run = (port: number, path: string, requests = REQUESTS) => {
      const offset = payers;
      payers += requests;
      if (payers > 100_000) throw new Error("pinFor makes 100 000 distinct PINs: fewer requests or rounds");
      return load(port, path, `${runId}${String(++loads).padStart(2, "0")}`, offset, client!, requests);
    };
    // warm-up: connections opened, statements prepared, and the JIT done with the hot code (with 200 payments V8 was
    // still optimising during the measured load, a tenth of the portal's CPU)
    await run(PORT, TERMINAL_PATH, WARM_UP);
    await run(BARE_PORT, "/", WARM_UP);
    // alternating rounds: a moment's drift of the shared machine falls on both
    const rounds: { ours: LoadResult; theirs: LoadResult }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i === 0) window.fromUs = monotonicMicros();
      const ours = await run(PORT, TERMINAL_PATH);
      if (i === 0) window.toUs = monotonicMicros();
      rounds.push({ ours, theirs: await run(BARE_PORT, "/") });
    }

    console.log(
      `\nTerminal \`pay\` benchmark (QuickPay, PostgreSQL, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; payers ${KNOWN ? "already registered (--known)" : "new"}; ${ROUNDS} alternating round${ROUNDS === 1 ? "" : "s"})`,
    );
    const rate = (r: LoadResult) => r.payments / r.seconds;
    for (const [i, { ours, theirs }] of rounds.entries())
      console.log(
        `  round ${i + 1}: portal ${rate(ours).toFixed(1)}/s, p99 ${ours.p99} ms; bare ${rate(theirs).toFixed(1)}/s, p99 ${theirs.p99} ms; ${((100 * rate(ours)) / rate(theirs)).toFixed(0)} %`,
      );
    const median = (side: "ours" | "theirs") =>
      rounds.map((r) => r[side]).sort((a, b) => rate(a) - rate(b))[Math.floor(rounds.length / 2)]!;
    const ours = median("ours");
    const theirs = median("theirs");
    report("the portal (npm run start, recordPayment) — its median round:", ours);
    report("bare reference (node:http + pg, the same writes in plain SQL, no rules) — its median round:", theirs);
    const duplicates = rounds.reduce((n, r) => n + duplicatesIn(r.ours) + duplicatesIn(r.theirs), 0);
    console.log(`\nduplicates in DB, all rounds of both: ${duplicates}`);
    console.log(
      `ratio portal / bare (payments accepted/s, medians): ${((100 * rate(ours)) / rate(theirs)).toFixed(0)} %`,
    );
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
