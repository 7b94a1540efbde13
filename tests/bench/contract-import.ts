/**
 * Benchmark (not a test): a contract's list of 20 000 persons (issue 12) validated and imported into PostgreSQL.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:contracts [-- --rows 20000]
 * Generates the CSV, creates a fresh database of that server (migrated, reference data), and runs the portal's own
 * path in this process — upload, the validation job, confirmation (one bank transfer), the import job (one
 * transaction per 500 rows) — then, on a second fresh database, a bare reference: the same file parsed with
 * csv-parse and the same persons and policies written with plain `pg` batched INSERTs (500 rows a statement, no
 * checks). Prints wall time and RSS growth (peak − start) of each and the ratios.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import pg from "pg";
import { openDb } from "../../lib/db/client";
import { pgConfigFromUrl, withDatabase, type DbTarget } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";
import { seedReferenceData } from "../../prisma/seed";
import { adminQuery, uniqueName } from "../support/databases";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 20_000);
const BATCH = 500;

const server = process.env.DATABASE_URL;
if (!server?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}

/** Adults born 1960–1999 (SPEC §8 layout), distinct serials. */
function pinFor(i: number): string {
  const year = 1960 + (i % 40);
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, "0");
  return `${1 + (i % 2)}${day}${month}${year}${String(i % 100_000).padStart(5, "0")}`;
}

function makeCsv(rows: number): Uint8Array {
  const lines = ["last_name,first_name,patronymic,pin,document_type,document_number,category,term_months"];
  for (let i = 0; i < rows; i++)
    lines.push(`Асанов${i},Бакыт,Маратович,${pinFor(i)},,AN${String(i).padStart(7, "0")},,`);
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

/** RSS sampled every 20 ms: the growth is the peak over the starting RSS. */
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

async function freshDatabase(): Promise<{ target: DbTarget & { kind: "postgres" }; drop: () => Promise<void> }> {
  const name = uniqueName("oms_bench_contracts");
  await adminQuery(server!, `CREATE DATABASE "${name}"`);
  if (process.env.BENCH_LOG_SLOW)
    await adminQuery(
      server!,
      `ALTER DATABASE "${name}" SET log_min_duration_statement = ${process.env.BENCH_LOG_SLOW}`,
    );
  const target = { kind: "postgres" as const, url: withDatabase(server!, name) };
  await deployMigrations(target);
  const { db, close } = openDb(target);
  await seedReferenceData(db);
  await close();
  return { target, drop: () => adminQuery(server!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function portal(file: Uint8Array) {
  const { target, drop } = await freshDatabase();
  process.env.DATABASE_URL = target.url;
  // lib/db opens its one client on first import: after DATABASE_URL names the fresh database.
  const { db, closeDb } = await import("../../lib/db");
  const { createContract } = await import("../../lib/contracts/mutations/contracts");
  const { confirmContractImport, startContractImport } = await import("../../lib/contracts/mutations/imports");
  const { waitForJob } = await import("../../lib/contracts/jobs");
  const { todayInBishkek } = await import("../../lib/dates");
  try {
    const office = await db.territorialOffice.findUniqueOrThrow({ where: { code: "BISHKEK" } });
    const u = await db.user.create({
      data: { login: "bench.clerk", fullName: "Bench", role: "CLERK", passwordHash: "x", officeId: office.id },
    });
    const clerk = {
      id: u.id,
      login: u.login,
      fullName: u.fullName,
      role: "CLERK" as const,
      officeId: office.id,
      healthOrganizationId: null,
    };
    const today = todayInBishkek();
    const contract = await createContract(clerk, {
      number: "BENCH-1",
      entityName: "Bench LLC",
      registrationNumber: "02712200110054",
      validFrom: `${today.slice(0, 4)}-01-01`,
      validTo: `${today.slice(0, 4)}-12-31`,
      contactName: "Bench",
      contactPhone: "+996555000000",
      contactEmail: null,
    });
    const rss = rssMeter();
    const t0 = performance.now();
    const { id } = await startContractImport(
      clerk,
      { contractId: contract.id, fileName: "bench.csv", bytes: file },
      today,
    );
    await waitForJob(id);
    const t1 = performance.now();
    await confirmContractImport(
      clerk,
      { importId: id, paymentMode: "WHOLE", paymentReference: "BENCH-PP-1", paymentDate: today },
      today,
    );
    await waitForJob(id);
    const t2 = performance.now();
    const growth = rss();
    const imp = await db.contractImport.findUniqueOrThrow({ where: { id } });
    const policies = await db.policy.count({ where: { channel: "CONTRACT" } });
    return {
      validateS: (t1 - t0) / 1000,
      importS: (t2 - t1) / 1000,
      totalS: (t2 - t0) / 1000,
      rssMb: growth,
      detail: `status ${imp.status}, accepted ${imp.acceptedRows}, rejected ${imp.rejectedRows}, policies ${policies}`,
    };
  } finally {
    await closeDb();
    await drop();
  }
}

async function bare(file: Uint8Array) {
  const { target, drop } = await freshDatabase();
  const client = new pg.Client(pgConfigFromUrl(target.url));
  await client.connect();
  try {
    const office = (await client.query(`SELECT id FROM "TerritorialOffice" WHERE code = 'BISHKEK'`)).rows[0].id;
    const rss = rssMeter();
    const t0 = performance.now();
    const parser = Readable.from([Buffer.from(file)]).pipe(parse({ from_line: 2 }));
    let batch: string[][] = [];
    let n = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const persons: unknown[] = [];
      const policies: unknown[] = [];
      const pv: string[] = [];
      const qv: string[] = [];
      batch.forEach((r, i) => {
        const pin = r[3]!;
        const id = randomUUID();
        const birth = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
        persons.push(id, pin, r[0], r[1], r[2] || null, birth, pin[0] === "1" ? "FEMALE" : "MALE", r[5]);
        const b = i * 8;
        pv.push(
          `($${b + 1}::uuid,$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6}::date,$${b + 7}::"Sex",'CITIZEN','KG_PASSPORT',$${b + 8},now())`,
        );
        policies.push(randomUUID(), `B-${++n}`, id);
        const c = i * 3;
        qv.push(
          `($${c + 1}::uuid,$${c + 2},$${c + 3}::uuid,'CITIZEN',12,1840,'ISSUED',current_date + 5,current_date + 369,'CONTRACT',${office},now())`,
        );
      });
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Person" (id,pin,"lastName","firstName",patronymic,"birthDate",sex,category,"documentType","documentNumber","updatedAt") VALUES ${pv.join(",")}`,
        persons,
      );
      await client.query(
        `INSERT INTO "Policy" (id,number,"personId",category,"termMonths","priceSom",status,"validFrom","validTo",channel,"officeId","updatedAt") VALUES ${qv.join(",")}`,
        policies,
      );
      await client.query("COMMIT");
      batch = [];
    };
    for await (const record of parser as AsyncIterable<string[]>) {
      batch.push(record);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const t1 = performance.now();
    const growth = rss();
    const count = (await client.query(`SELECT count(*)::int AS n FROM "Policy"`)).rows[0].n;
    return { totalS: (t1 - t0) / 1000, rssMb: growth, detail: `policies ${count}` };
  } finally {
    await client.end();
    await drop();
  }
}

async function main() {
  const file = makeCsv(ROWS);
  console.log(`Contract list: ${ROWS} rows, ${(file.byteLength / 1024 / 1024).toFixed(2)} MB CSV`);
  const ours = await portal(file);
  console.log(`portal   validate ${ours.validateS.toFixed(2)} s + import ${ours.importS.toFixed(2)} s`);
  const ref = await bare(file);
  const row = (name: string, s: number, mb: number, detail: string) =>
    `| ${name.padEnd(44)} | ${s.toFixed(2).padStart(7)} | ${mb.toFixed(0).padStart(8)} | ${detail}`;
  console.log("\n| path                                         |  time s |  RSS MB | result");
  console.log("|----------------------------------------------|---------|----------|-------");
  console.log(row("portal: validate + preview + import (jobs)", ours.totalS, ours.rssMb, ours.detail));
  console.log(row("bare: csv-parse + pg batched INSERT (500)", ref.totalS, ref.rssMb, ref.detail));
  console.log(
    `\nratio portal / bare: time ×${(ours.totalS / ref.totalS).toFixed(1)}, RSS growth ${ours.rssMb.toFixed(0)} MB vs ${ref.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `targets (issue 12): under 20 s — ${ours.totalS < 20 ? "met" : "NOT met"}; RSS growth under 300 MB — ${ours.rssMb < 300 ? "met" : "NOT met"}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
