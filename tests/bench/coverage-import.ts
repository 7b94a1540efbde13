/**
 * Benchmark (not a test): an external-coverage registry file of 1 000 000 rows (issue 15) imported into PostgreSQL.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:coverage [-- --rows 1000000] [--replace]
 * Generates the CSV on disk, creates a fresh database of that server (migrated, reference data) and runs the portal's
 * own path in this process (startCoverageImport → the background job → the one applying transaction), printing the
 * job's progress, the wall time and the RSS growth (peak − start). Then imports the same file again and shows that it
 * took no longer and changed nothing (row count and checksum of the coverage). With --replace, also the same rows
 * re-exported with CRLF line ends (another file: a full replacement of the period, I39).
 */
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { openDb } from "../../lib/db/client";
import { withDatabase } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";
import { seedReferenceData } from "../../prisma/seed";
import { adminQuery, uniqueName } from "../support/databases";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 1_000_000);
const REPLACE = process.argv.includes("--replace");
const PERIOD = { source: "EMPLOYMENT" as const, periodFrom: "2026-01-01", periodTo: "2026-12-31" };

const server = process.env.DATABASE_URL;
if (!server?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}

/** Adults born 1960–1999 (SPEC §8 layout); the serial and the day make every PIN distinct up to 2 800 000 rows. */
function pinFor(i: number): string {
  const year = 1960 + (i % 40);
  const day = String(1 + (Math.floor(i / 40) % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(i / 1120) % 12)).padStart(2, "0");
  return `${1 + (i % 2)}${day}${month}${year}${String(Math.floor(i / 40) % 100_000).padStart(5, "0")}`;
}

/** One row in 1 000 is bad (a short PIN), the rest cover a quarter or the whole year. */
async function writeFile(path: string, rows: number, eol: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  await write(`pin,source,covered_from,covered_to${eol}`);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const pin = i % 1000 === 999 ? "12345" : pinFor(i);
    chunk += i % 3 === 0 ? `${pin},EMPLOYMENT,2026-01-01,2026-12-31${eol}` : `${pin},,2026-04-01,2026-06-30${eol}`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
}

function rssMeter() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return (peak - start) / 1024 / 1024;
  };
}

async function main() {
  const dir = tmpdir();
  const file = join(dir, `oms-bench-coverage-${process.pid}.csv`);
  const crlf = join(dir, `oms-bench-coverage-${process.pid}-crlf.csv`);
  let t = performance.now();
  await writeFile(file, ROWS, "\n");
  console.log(`generated ${ROWS} rows in ${((performance.now() - t) / 1000).toFixed(1)} s → ${file}`);

  const name = uniqueName("oms_bench_coverage");
  await adminQuery(server!, `CREATE DATABASE "${name}"`);
  const target = { kind: "postgres" as const, url: withDatabase(server!, name) };
  await deployMigrations(target);
  {
    const { db, close } = openDb(target);
    await seedReferenceData(db);
    await close();
  }
  process.env.DATABASE_URL = target.url;
  // lib/db opens its one client on first import: after DATABASE_URL names the fresh database.
  const { db, closeDb } = await import("../../lib/db");
  const { startCoverageImport } = await import("../../lib/coverage/mutations");
  const { waitForJob } = await import("../../lib/contracts/jobs");
  try {
    const u = await db.user.create({
      data: { login: "bench.admin", fullName: "Bench", role: "ADMIN", passwordHash: "x" },
    });
    const admin = {
      id: u.id,
      login: u.login,
      fullName: u.fullName,
      role: "ADMIN" as const,
      officeId: null,
      healthOrganizationId: null,
    };

    const checksum = async () => {
      const [r] = await db.$queryRaw<{ n: bigint; persons: bigint; sum: string }[]>`SELECT count(*) AS "n",
          (SELECT count(*) FROM "Person") AS "persons",
          coalesce(sum(hashtext(p."pin" || e."source" || e."validFrom" || e."validTo")::bigint), 0)::text AS "sum"
        FROM "ExternalCoverage" e JOIN "Person" p ON p."id" = e."personId"`;
      return `${r!.n} coverage rows, ${r!.persons} persons, checksum ${r!.sum}`;
    };

    const run = async (label: string, path: string) => {
      const rss = rssMeter();
      const t0 = performance.now();
      const started = await startCoverageImport(admin, { ...PERIOD, fileName: "bench.csv", path, removeFile: false });
      const progress = setInterval(async () => {
        const p = await db.externalCoverageImport.findUnique({ where: { id: started.id } });
        if (!p) return;
        const pct = p.fileBytes > 0n ? Number((p.bytesRead * 100n) / p.fileBytes) : 0;
        console.log(
          `  ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s  ${p.status} ${pct}% of the file, ${p.readRows} rows read` +
            (p.bytesRead >= p.fileBytes && p.status === "RUNNING" ? " — applying in one transaction" : ""),
        );
      }, 5000);
      await waitForJob(started.id);
      clearInterval(progress);
      const seconds = (performance.now() - t0) / 1000;
      const growth = rss();
      const imp = await db.externalCoverageImport.findUniqueOrThrow({ where: { id: started.id } });
      console.log(
        `${label}: ${seconds.toFixed(1)} s, RSS growth ${growth.toFixed(0)} MB — ${imp.status}: read ${imp.readRows}, ` +
          `accepted ${imp.acceptedRows}, rejected ${imp.rejectedRows}, coverage rows ${imp.coverageRows}, ` +
          `persons registered ${imp.personsCreated}, replaced ${imp.replacedRows}`,
      );
      return seconds;
    };

    const first = await run("first import", file);
    const after1 = await checksum();
    console.log(`  after: ${after1}`);
    const second = await run("same file again", file);
    const after2 = await checksum();
    console.log(`  after: ${after2}`);
    console.log(
      `re-import took ${second <= first ? "no longer" : "LONGER"} (${second.toFixed(1)} s vs ${first.toFixed(1)} s) and ` +
        `${after1 === after2 ? "changed nothing" : "CHANGED THE ROWS"}`,
    );
    if (REPLACE) {
      t = performance.now();
      await writeFile(crlf, ROWS, "\r\n");
      await run("same rows, another file (CRLF): full replacement", crlf);
      const after3 = await checksum();
      console.log(`  after: ${after3} (${after3 === after1 ? "the same rows" : "OTHER ROWS"})`);
    }
  } finally {
    await closeDb();
    await adminQuery(server!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await rm(file, { force: true });
    await rm(crlf, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
