/**
 * Benchmark (not a test): the Fund's dashboard (issue 15) over 1 000 000 persons, policies and payments.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:dashboard [-- --rows 1000000 --fresh]
 * Uses the database `oms_bench_dashboard` on that server: creates, migrates and loads it when it is missing (or with
 * --fresh), reuses it otherwise. The load is SQL only (generate_series): persons, one policy each spread over the 8
 * offices and none, every category and sale channel, two years back from today, a payment for each paid policy, 1 %
 * refund cases; the rollup triggers are off during the bulk load and the rollups are then rebuilt from the records by
 * the same function a repair would use. Then every dashboard query — exactly the SQL the page runs (lib/reports/queries.ts)
 * — is run for three scopes, each printed with its time (best and median of 5) and its EXPLAIN (ANALYZE, BUFFERS) plan,
 * and the registries' list pages and searches likewise. It also times 1 000 policies + payments inserted one
 * transaction each with the triggers on (what the rollups cost a payment). Budget: every query under 300 ms.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Prisma } from "../../lib/generated/prisma/client";
import { pgConfigFromUrl, withDatabase } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 1_000_000);
const FRESH = process.argv.includes("--fresh");
const BUDGET_MS = 300;
const NAME = "oms_bench_dashboard";

const base = process.env.DATABASE_URL;
if (!base?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function ensureDatabase(admin: pg.Client): Promise<boolean> {
  const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [NAME]);
  if (rows.length && FRESH) await admin.query(`DROP DATABASE "${NAME}" WITH (FORCE)`);
  if (rows.length && !FRESH) return false;
  await admin.query(`CREATE DATABASE "${NAME}"`);
  return true;
}

// Sale channels and the issue channel / payment channel behind each (lib/reports/sale-channels.ts), in proportion.
const CHANNELS = [
  ["ONLINE", "PORTAL"],
  ["ONLINE", "PORTAL"],
  ["ONLINE", "TUNDUK"],
  ["ONLINE", "BANK_APP"],
  ["TERMINAL", "QUICKPAY"],
  ["TERMINAL", "QUICKPAY"],
  ["TERMINAL", "MEGACOM"],
  ["TERMINAL", "PAY24"],
  ["BANK_CASH_DESK", "BANK_CASH_DESK"],
  ["OFFICE", null],
  ["OFFICE", null],
  ["CONTRACT", "CONTRACT"],
  ["HEALTH_ORG", null],
] as const;
const CATEGORIES = [
  "CITIZEN",
  "CITIZEN",
  "CITIZEN",
  "CITIZEN",
  "EAEU_FAMILY",
  "REFUGEE",
  "KAIRYLMAN",
  "FOREIGNER",
  "FOREIGN_STUDENT",
  "COMPATRIOT",
];
const arr = (xs: readonly (string | null)[]) =>
  `ARRAY[${xs.map((x) => (x === null ? "NULL" : `'${x}'`)).join(",")}]::text[]`;

async function load(c: pg.Client) {
  console.log(`loading ${ROWS.toLocaleString("en")} persons, policies and payments (generate_series)…`);
  let t0 = performance.now();
  await c.query(`ALTER TABLE "Person" DISABLE TRIGGER USER; ALTER TABLE "Policy" DISABLE TRIGGER USER;
    ALTER TABLE "Payment" DISABLE TRIGGER USER`);
  const count = async (table: string) => Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  // PINs unique: the birth day cycles through 25 000 days (37 is prime to it), the serial counts the cycles.
  if ((await count("Person")) < ROWS)
    await c.query(`
    INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "birthDate", "sex", "category", "citizenship",
                          "documentType", "documentNumber", "createdAt", "updatedAt")
    SELECT md5('person' || i)::uuid,
           (CASE WHEN i % 2 = 0 THEN '2' ELSE '1' END) || to_char(DATE '1950-01-01' + (i * 37 % 25000)::int, 'DDMMYYYY')
             || lpad(((i / 25000) % 100000)::text, 5, '0'),
           'Фамилия' || (i % 997), 'Имя' || (i % 113), DATE '1950-01-01' + (i * 37 % 25000)::int,
           (CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END)::"Sex", 'CITIZEN', 'KG', 'KG_ID_CARD',
           'ID' || lpad(i::text, 8, '0'), now() - ((i % 730) || ' days')::interval, now()
    FROM generate_series(1::bigint, ${ROWS}) AS i`);
  console.log(`  persons in ${secs(t0)}`);
  t0 = performance.now();
  const offices = (await c.query<{ id: number }>(`SELECT "id" FROM "TerritorialOffice" ORDER BY "id"`)).rows.map(
    (r) => r.id,
  );
  const officeArr = `ARRAY[${offices.join(",")}, NULL]::int[]`;
  if ((await count("Policy")) < ROWS)
    await c.query(`
    INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status", "validFrom",
                          "validTo", "channel", "saleChannel", "officeId", "createdAt", "updatedAt")
    SELECT md5('policy' || i)::uuid, 'B-' || lpad(i::text, 9, '0'), md5('person' || i)::uuid,
           (CASE WHEN ch.issue = 'HEALTH_ORG' THEN 'PREGNANT' ELSE (${arr(CATEGORIES)})[1 + (i * 7 % ${CATEGORIES.length})] END)::"Category",
           12, CASE WHEN ch.issue = 'HEALTH_ORG' THEN 0 WHEN i % 10 >= 7 THEN 11910 ELSE 1840 END,
           (CASE WHEN i % 100 = 0 THEN 'REFUNDED' WHEN i % 100 = 1 THEN 'CANCELLED' ELSE 'ISSUED' END)::"PolicyStatus",
           (created AT TIME ZONE 'Asia/Bishkek')::date + 5, (created AT TIME ZONE 'Asia/Bishkek')::date + 5 + 364,
           ch.issue::"IssueChannel", CASE WHEN ch.issue IN ('ONLINE', 'TERMINAL') THEN ch.pay::"PaymentChannel" END,
           CASE WHEN ch.issue IN ('OFFICE', 'BANK_CASH_DESK', 'CONTRACT') THEN (${officeArr})[1 + (i * 13 % ${offices.length})]
                WHEN ch.issue = 'HEALTH_ORG' THEN (${officeArr})[1 + (i * 17 % ${offices.length})] END,
           created, created
    FROM (
      SELECT i, now() - make_interval(secs => (i * 7919 % (730 * 86400))::double precision) AS created,
             1 + (i * 31 % ${CHANNELS.length}) AS k
      FROM generate_series(1::bigint, ${ROWS}) AS i
    ) g
    CROSS JOIN LATERAL (SELECT (${arr(CHANNELS.map((x) => x[0]))})[g.k] AS issue, (${arr(CHANNELS.map((x) => x[1]))})[g.k] AS pay) ch`);
  console.log(`  policies in ${secs(t0)}`);
  t0 = performance.now();
  await c.query(`
    INSERT INTO "Payment" ("id", "channel", "externalTxnId", "amountSom", "paidAt", "payerName", "status", "policyId",
                           "account", "officeId", "receivedAt", "createdAt")
    SELECT md5('payment' || p."number")::uuid, p."saleChannel2"::"PaymentChannel", 'bench-' || p."number", p."priceSom",
           p."createdAt", 'Плательщик', 'CONFIRMED', p."id", NULL, p."officeId", p."createdAt", p."createdAt"
    FROM (
      SELECT *, coalesce("saleChannel"::text, "channel"::text) AS "saleChannel2" FROM "Policy"
      WHERE "channel" IN ('ONLINE', 'TERMINAL', 'BANK_CASH_DESK', 'CONTRACT') AND "status" <> 'CANCELLED'
    ) p`);
  console.log(`  payments in ${secs(t0)}`);
  t0 = performance.now();
  await c.query(`
    INSERT INTO "RefundCase" ("id", "number", "ground", "state", "officeId", "policyId", "amountSom", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'R-B-' || p."number", (ARRAY['DEATH','ALREADY_INSURED','REFUSED_BY_RULES','LATE_CONFIRMATION','DUPLICATE_PAYMENT'])[1 + (row_number() OVER () % 5)::int]::"RefundGround",
           (CASE WHEN row_number() OVER () % 2 = 0 THEN 'SENT' ELSE 'DRAFT' END)::"RefundState", p."officeId", p."id",
           greatest(p."priceSom", 1), p."createdAt" + interval '3 days', now()
    FROM "Policy" p WHERE p."status" = 'REFUNDED'`);
  await c.query(`ALTER TABLE "Person" ENABLE TRIGGER USER; ALTER TABLE "Policy" ENABLE TRIGGER USER;
    ALTER TABLE "Payment" ENABLE TRIGGER USER`);
  console.log(`  refund cases in ${secs(t0)}; rebuilding the rollups from the records…`);
  t0 = performance.now();
  await c.query(`SELECT oms_rebuild_dashboard_rollups()`);
  await c.query(`ANALYZE`);
  console.log(`  rollups and ANALYZE in ${secs(t0)}`);
}

type Measured = { name: string; best: number; median: number };

async function measure(
  c: pg.Client,
  name: string,
  q: Prisma.Sql | { text: string; values: unknown[] },
): Promise<Measured> {
  const text = "text" in q ? q.text : (q as Prisma.Sql).text;
  const values = q.values as unknown[];
  await c.query(text, values); // warm
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await c.query(text, values);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
  const m = { name, best: times[0]!, median: times[2]! };
  console.log(
    `\n— ${name}: best ${m.best.toFixed(1)} ms, median ${m.median.toFixed(1)} ms${m.median > BUDGET_MS ? "  ✖ OVER BUDGET" : ""}`,
  );
  for (const r of plan.rows as { "QUERY PLAN": string }[]) console.log(`    ${r["QUERY PLAN"]}`);
  return m;
}

async function main() {
  const admin = new pg.Client(pgConfigFromUrl(base!));
  await admin.connect();
  const created = await ensureDatabase(admin);
  await admin.end();
  const url = withDatabase(base!, NAME);
  process.env.DATABASE_URL = url;
  console.log(`database ${NAME}: ${created ? "new, migrating…" : "reused (--fresh to reload)"}`);
  await deployMigrations({ kind: "postgres", url });
  {
    const { seedReferenceData } = await import("../../prisma/seed");
    const { openDb } = await import("../../lib/db/client");
    const { db, close } = openDb({ kind: "postgres", url });
    await seedReferenceData(db); // offices, health organizations, tariffs (idempotent)
    await close();
  }
  const c = new pg.Client(pgConfigFromUrl(url));
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Policy"`);
    if (Number(rows[0]!.n) < ROWS) await load(c);
    const counts = await c.query<{ persons: string; policies: string; payments: string; refunds: string }>(
      `SELECT (SELECT count(*) FROM "Person") AS persons, (SELECT count(*) FROM "Policy") AS policies,
              (SELECT count(*) FROM "Payment") AS payments, (SELECT count(*) FROM "RefundCase") AS refunds`,
    );
    console.log(`rows: ${JSON.stringify(counts.rows[0])}`);

    const q = await import("../../lib/reports/queries");
    const r = await import("../../lib/registries/queries");
    const { todayInBishkek } = await import("../../lib/dates");
    const today = todayInBishkek();
    const office = (await c.query<{ id: number }>(`SELECT "id" FROM "TerritorialOffice" WHERE "code" = 'OSH'`)).rows[0]!
      .id;
    const m = today.slice(0, 7);
    const scopes = [
      { label: "country, 24 months", scope: await q.resolveDashboardScope({ from: shiftMonth(m, -23), to: m }, today) },
      { label: "Osh, 12 months", scope: { ...(await q.resolveDashboardScope({}, today)), officeId: office } },
      {
        label: "country, one month",
        scope: await q.resolveDashboardScope(
          { from: shiftMonth(m, -6), to: shiftMonth(m, -6), day: shiftMonth(m, -6) + "-15" },
          today,
        ),
      },
    ];
    const results: Measured[] = [];
    for (const { label, scope } of scopes) {
      for (const by of ["month", "office", "category", "channel"] as const)
        results.push(await measure(c, `sales by ${by} (${label})`, q.salesSql(scope, by)));
      results.push(await measure(c, `in force today (${label})`, q.inForceSql(scope, scope.today)));
      results.push(await measure(c, `in force on ${scope.day} (${label})`, q.inForceSql(scope, scope.day)));
      results.push(await measure(c, `ending in 30 days (${label})`, q.endingSoonSql(scope)));
      results.push(await measure(c, `refunds by ground and state (${label})`, q.refundsSql(scope)));
    }
    const sample = (
      await c.query<{ pin: string; number: string; providerNumber: number }>(
        `SELECT pe."pin", po."number", pa."providerNumber" FROM "Payment" pa JOIN "Policy" po ON po."id" = pa."policyId"
       JOIN "Person" pe ON pe."id" = po."personId" ORDER BY pa."providerNumber" DESC OFFSET 12345 LIMIT 1`,
      )
    ).rows[0]!;
    for (const kind of ["persons", "policies", "payments"] as const) {
      results.push(await measure(c, `registry: ${kind}, page 1`, r.registrySql(kind, {}, 1)));
      results.push(await measure(c, `registry: ${kind}, page 200`, r.registrySql(kind, {}, 200)));
      results.push(await measure(c, `registry: ${kind}, search by PIN`, r.registrySql(kind, { text: sample.pin }, 1)));
    }
    results.push(
      await measure(c, `registry: policies, search by number`, r.registrySql("policies", { text: sample.number }, 1)),
    );
    results.push(
      await measure(
        c,
        `registry: payments, search by receipt number`,
        r.registrySql("payments", { text: String(sample.providerNumber) }, 1),
      ),
    );

    // The whole page's data through Prisma (9 queries in parallel on the pool), as the dashboard loads it.
    const { loadDashboard } = await import("../../lib/reports/queries");
    const { closeDb } = await import("../../lib/db");
    await loadDashboard(scopes[0]!.scope);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await loadDashboard(scopes[0]!.scope);
    console.log(
      `\nthe dashboard's whole data (loadDashboard, country, 24 months): ${((performance.now() - t0) / 5).toFixed(1)} ms a page`,
    );
    await closeDb();

    // What the rollups cost as payments arrive: 1 000 policies + payments, one transaction each, with the triggers
    // and (for reference) with every trigger off (session_replication_role = replica).
    const perPayment = async (triggers: boolean) => {
      if (!triggers) await c.query("SET session_replication_role = replica");
      const t1 = performance.now();
      for (let i = 0; i < 1000; i++) {
        await c.query("BEGIN");
        await c.query(
          `INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status", "validFrom", "validTo", "channel", "createdAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, md5('person' || $2)::uuid, 'CITIZEN', 12, 1840, 'ISSUED', CURRENT_DATE + 5, CURRENT_DATE + 369, 'TERMINAL', now(), now())`,
          [`BT-${Date.now()}-${i}`, 1 + i],
        );
        await c.query(
          `INSERT INTO "Payment" ("id", "channel", "externalTxnId", "amountSom", "paidAt", "payerName", "status", "policyId")
         SELECT gen_random_uuid(), 'QUICKPAY', 'bt-' || $1, 1840, now(), 'x', 'CONFIRMED', "id" FROM "Policy" WHERE "number" = $1`,
          [`BT-${Date.now()}-${i}`],
        );
        await c.query("ROLLBACK");
      }
      const each = (performance.now() - t1) / 1000;
      await c.query("SET session_replication_role = DEFAULT");
      return each;
    };
    const without = await perPayment(false);
    const withTriggers = await perPayment(true);
    console.log(
      `1 000 policies + payments (each its own transaction, rolled back): ${withTriggers.toFixed(2)} ms each with the rollup triggers, ${without.toFixed(2)} ms with no triggers`,
    );

    const worst = results.reduce((a, b) => (b.median > a.median ? b : a));
    console.log(`\nSUMMARY (${counts.rows[0]!.policies} policies; budget ${BUDGET_MS} ms)`);
    for (const x of results) console.log(`  ${x.median.toFixed(1).padStart(8)} ms  ${x.name}`);
    console.log(`worst: ${worst.name} — ${worst.median.toFixed(1)} ms ${worst.median < BUDGET_MS ? "✔" : "✖"}`);
    if (worst.median >= BUDGET_MS) process.exitCode = 1;
  } finally {
    await c.end();
  }
}

function shiftMonth(month: string, n: number): string {
  const [y, mm] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + mm - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
