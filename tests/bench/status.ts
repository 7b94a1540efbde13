/**
 * Benchmark (not a test): GET /api/v1/status against a bare reference (issue 17).
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:status
 *     [-- --rounds 3 --seconds 15 --connections 100 --persons 1000000 --rebuild --quick --no-limits]
 * 1. The data set: the database "oms_bench_status" on that server — migrated, then 1 000 000 persons each with a
 *    policy loaded by generate_series in one INSERT each (a few minutes once); reused while it is complete (the
 *    database's comment records the count), rebuilt otherwise.
 * 2. The portal's production build in .next-bench (`next build` once; --rebuild builds again), served by `server.js` (`npm run start`)
 *    (NODE_ENV=production, that database, the status API's rate limits relaxed to 1 000 000 000 — still counted), and
 *    the bare server (tests/bench/status-bare-server.ts: node:http + pg, the same SQL, rules and JSON body).
 * 3. wrk at 100 connections with random PINs of the data set, alternating rounds (3 × 15 s each; --quick: 2 × 5 s),
 *    then requests/s, p50 and p99 of both, their ratio and the portal's resident memory (its process tree's RSS).
 * Targets (issue 17): the portal at ≥ 50 % of the bare server's requests/s, p99 < 100 ms, RSS < 300 MB.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl, withDatabase } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const QUICK = process.argv.includes("--quick");
const ROUNDS = arg("rounds", QUICK ? 2 : 3);
const SECONDS = arg("seconds", QUICK ? 5 : 15);
const CONNECTIONS = arg("connections", 100);
const PERSONS = arg("persons", 1_000_000);
const REBUILD = process.argv.includes("--rebuild");
/** --no-limits: the status API's rate limits switched off (0), to see what counting them costs */
const NO_LIMITS = process.argv.includes("--no-limits");
const DB_NAME = "oms_bench_status";
const DIST_DIR = ".next-bench";
const root = path.resolve(import.meta.dirname, "../..");
const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

if (!base.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}
if (spawnSync("wrk", ["--version"]).error) {
  console.error("wrk is needed: apt-get install -y wrk");
  process.exit(1);
}

const MARK = `bench-status persons=${PERSONS}`;

/** The data set: reused when its comment says it is complete; otherwise (re)made. Returns its URL. */
async function dataSet(): Promise<string> {
  const admin = new pg.Client({ ...pgConfigFromUrl(base), database: "postgres" });
  await admin.connect();
  const url = withDatabase(base, DB_NAME);
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [DB_NAME],
    );
    if (rows[0]?.comment === MARK) {
      console.log(`data set: reusing database ${DB_NAME} (${PERSONS.toLocaleString("en")} persons with a policy)`);
      await deployMigrations({ kind: "postgres", url }); // a newer branch may have added migrations
      return url;
    }
    if (rows.length) await admin.query(`DROP DATABASE "${DB_NAME}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  } finally {
    await admin.end();
  }
  console.log(`data set: database ${DB_NAME}: migrating…`);
  await deployMigrations({ kind: "postgres", url });
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    const t0 = performance.now();
    // Triggers (the name search key) and foreign-key checks are skipped for the load: the rows are consistent by
    // construction (a person's id is md5 of its serial, so its policy can name it without a join).
    await client.query(`SET session_replication_role = replica`);
    // PINs (SPEC §8): sex digit, birth day DDMMYYYY, 5-digit serial — unique, since (i / 100000, i % 100000) is i.
    await client.query(`
      INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "birthDate", "sex", "category", "citizenship",
                            "searchName", "updatedAt")
      SELECT md5(i::text)::uuid, p.sex_digit || to_char(p.birth, 'DDMMYYYY') || lpad((i % 100000)::text, 5, '0'),
             'Бенчмарков', 'Тест', p.birth, CASE p.sex_digit WHEN '1' THEN 'FEMALE' ELSE 'MALE' END::"Sex",
             'CITIZEN', 'KG', 'БЕНЧМАРКОВ ТЕСТ', now()
        FROM generate_series(0, ${PERSONS - 1}) AS i,
             LATERAL (SELECT (1 + i % 2)::text AS sex_digit,
                             make_date(1960 + (i % 40)::int, 1 + (i % 12)::int, 10 + (i / 100000 % 10)::int) AS birth) p`);
    console.log(`  ${PERSONS.toLocaleString("en")} persons in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    // One policy each: started 0–399 days ago for 12 months (about 9 % have ended, a few are still to start).
    await client.query(`
      INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status", "validFrom",
                            "validTo", "channel", "updatedAt")
      SELECT md5('policy' || i)::uuid, 'E-2026-B' || lpad(i::text, 7, '0'), md5(i::text)::uuid, 'CITIZEN', 12, 1840,
             'ISSUED', current_date - (i % 400)::int + 5, current_date - (i % 400)::int + 5 + 364, 'TERMINAL', now()
        FROM generate_series(0, ${PERSONS - 1}) AS i`);
    console.log(`  ${PERSONS.toLocaleString("en")} policies in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    await client.query(`SET session_replication_role = origin`);
    await client.query(`ANALYZE "Person"; ANALYZE "Policy"; ANALYZE "ExternalCoverage"`);
  } finally {
    await client.end();
  }
  const admin2 = new pg.Client({ ...pgConfigFromUrl(base), database: "postgres" });
  await admin2.connect();
  await admin2.query(`COMMENT ON DATABASE "${DB_NAME}" IS '${MARK}'`);
  await admin2.end();
  return url;
}

async function samplePins(url: string, file: string): Promise<number> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  const { rows } = await client.query<{ pin: string }>(
    `SELECT "pin" FROM "Person" TABLESAMPLE SYSTEM (2) WHERE "pin" IS NOT NULL LIMIT 20000`,
  );
  await client.end();
  fs.writeFileSync(file, rows.map((r) => r.pin).join("\n") + "\n");
  return rows.length;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** Resident memory of a process and its descendants, MB (Linux /proc). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

type Round = { rps: number; p50: number; p99: number; errors: number; requests: number };

const toMs = (v: string, unit: string) => Number(v) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1);

async function wrk(port: number, script: string, pinsFile: string, seconds: number): Promise<Round> {
  const child = spawn(
    "wrk",
    [
      "-t2",
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      "--latency",
      "--timeout",
      "10s",
      "-s",
      script,
      `http://127.0.0.1:${port}/api/v1/status`,
      "--",
      pinsFile,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
  await new Promise((resolve) => child.on("close", resolve));
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, "m").exec(out);
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  const errors =
    Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
    (/Socket errors: (.*)/.exec(out)?.[1]?.match(/\d+/g) ?? []).reduce((s, n) => s + Number(n), 0);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: pct("50"),
    p99: pct("99"),
    errors,
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
  };
}

// Each request is formatted once, when wrk starts (wrk.format per request made wrk itself a large share of the
// machine's CPU at 5 000 requests/s on 2 cores — the same for both servers, but it delays wrk's own reading).
const WRK_SCRIPT = `
local requests = {}
function init(args)
  for line in io.lines(args[1]) do requests[#requests + 1] = wrk.format("GET", "/api/v1/status?pin=" .. line) end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
function request()
  return requests[math.random(#requests)]
end
`;

function stop(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
}

async function main() {
  const url = await dataSet();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "oms-bench-status-"));
  const pinsFile = path.join(tmp, "pins.txt");
  const script = path.join(tmp, "status.lua");
  fs.writeFileSync(script, WRK_SCRIPT);
  console.log(`random PINs: ${await samplePins(url, pinsFile)} sampled from the data set`);

  if (REBUILD || !fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    console.log(`building the portal into ${DIST_DIR} (next build)…`);
    const build = spawnSync("npx", ["next", "build"], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_SKIP_TYPECHECK: "1", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const [portalPort, barePort] = [await freePort(), await freePort()];
  const portal = spawn(process.execPath, [path.join(root, "server.js"), "-H", "127.0.0.1", "-p", String(portalPort)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      PORTAL_URL: `http://127.0.0.1:${portalPort}`,
      NEXTAUTH_URL: `http://127.0.0.1:${portalPort}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production",
      JOBS_ENABLED: "0",
      // a load test is given its own limits (README, Security): high, but still counted on every request
      RATE_LIMIT_STATUS_PER_MINUTE: NO_LIMITS ? "0" : "1000000000",
      RATE_LIMIT_STATUS_PIN_PER_HOUR: NO_LIMITS ? "0" : "1000000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const bare = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/bench/status-bare-server.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(barePort),
      POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "10",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const probe = fs.readFileSync(pinsFile, "utf8").split("\n")[0];
    await waitFor(`http://127.0.0.1:${portalPort}/api/health`, 120_000);
    await waitFor(`http://127.0.0.1:${barePort}/`, 60_000);
    const [a, b] = await Promise.all(
      [portalPort, barePort].map((p) =>
        fetch(`http://127.0.0.1:${p}/api/v1/status?pin=${probe}`).then((r) => r.json()),
      ),
    );
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      console.error("the two servers answer differently:", JSON.stringify(a), JSON.stringify(b));
      process.exit(1);
    }
    console.log(`both answer the same body, e.g. ${JSON.stringify(a)}`);
    console.log("warming up (3 s each)…");
    await wrk(portalPort, script, pinsFile, 3);
    await wrk(barePort, script, pinsFile, 3);

    const ours: Round[] = [];
    const theirs: Round[] = [];
    let rssMax = 0;
    for (let r = 1; r <= ROUNDS; r++) {
      const sampler = setInterval(() => (rssMax = Math.max(rssMax, treeRssMb(portal.pid!))), 500);
      const o = await wrk(portalPort, script, pinsFile, SECONDS);
      clearInterval(sampler);
      rssMax = Math.max(rssMax, treeRssMb(portal.pid!));
      const t = await wrk(barePort, script, pinsFile, SECONDS);
      ours.push(o);
      theirs.push(t);
      console.log(
        `round ${r}: portal ${o.rps.toFixed(0)} req/s p50 ${o.p50.toFixed(1)} ms p99 ${o.p99.toFixed(1)} ms` +
          ` | bare ${t.rps.toFixed(0)} req/s p50 ${t.p50.toFixed(1)} ms p99 ${t.p99.toFixed(1)} ms` +
          ` | ratio ${((100 * o.rps) / t.rps).toFixed(0)} %` +
          (o.errors + t.errors ? ` | errors: portal ${o.errors}, bare ${t.errors}` : ""),
      );
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const row = (name: string, rs: Round[]) =>
      `| ${name} | ${mean(rs.map((r) => r.rps)).toFixed(0)} | ${median(rs.map((r) => r.p50)).toFixed(1)} ms | ${median(rs.map((r) => r.p99)).toFixed(1)} ms | ${rs.reduce((s, r) => s + r.errors, 0)} |`;
    const ratio = mean(ours.map((r) => r.rps)) / mean(theirs.map((r) => r.rps));
    const rss = treeRssMb(portal.pid!);
    console.log(
      `\nGET /api/v1/status — ${PERSONS.toLocaleString("en")} persons with a policy, wrk -t2 -c${CONNECTIONS}, ` +
        `${ROUNDS} alternating rounds of ${SECONDS} s, random PINs${NO_LIMITS ? ", rate limits off" : ""} (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`,
    );
    console.log("| server | requests/s (mean) | p50 (median) | p99 (median) | errors |");
    console.log("|---|---|---|---|---|");
    console.log(row("portal (`npm run start`)", ours));
    console.log(row("bare node:http + pg, same SQL", theirs));
    console.log(`ratio portal / bare: ${(ratio * 100).toFixed(0)} %   (target ≥ 50 %)`);
    console.log(`portal p99 (median): ${median(ours.map((r) => r.p99)).toFixed(1)} ms   (target < 100 ms)`);
    console.log(
      `portal resident memory: ${rss.toFixed(0)} MB now, ${rssMax.toFixed(0)} MB at most   (target < 300 MB)`,
    );
  } finally {
    stop(portal);
    stop(bare);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
