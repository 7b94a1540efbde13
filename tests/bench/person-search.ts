/**
 * Benchmark (not a test): the desk's person search (issue 12) over 1 000 000 persons in PostgreSQL.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:search [-- --persons 1000000 --searches 3000 --keep]
 * Creates a fresh database on that server, migrates it, loads the persons with one generate_series INSERT (Kyrgyz
 * and Russian names, PINs, document numbers; the search key comes from the same oms_search_key as in production),
 * then runs random searches — name prefixes typed in Cyrillic or Latin and in any case, PINs, document numbers —
 * through the portal's own searchPeople (Prisma), and the same lookups as bare `pg` queries for reference. Prints
 * p50/p95 of both, their ratio, and the EXPLAIN plan of a name search. Drops the database unless --keep.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { pgConfigFromUrl, withDatabase } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PERSONS = arg("persons", 1_000_000);
const SEARCHES = arg("searches", 3000);
const KEEP = process.argv.includes("--keep");

const base = process.env.DATABASE_URL;
if (!base?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  process.exit(1);
}

const SURNAMES = [
  "Абдыкадыров",
  "Асанов",
  "Токтогулов",
  "Жумабаев",
  "Сыдыков",
  "Мамытов",
  "Орозбеков",
  "Исаков",
  "Уметалиев",
  "Касымов",
  "Бакиров",
  "Турсунов",
  "Алиев",
  "Ибраимов",
  "Осмонов",
  "Садыков",
  "Нурланов",
  "Эсенов",
  "Кулов",
  "Шаршеев",
  "Чолпонбаев",
  "Жээнбеков",
  "Үсөнбаев",
  "Өмүрбеков",
  "Иванов",
  "Петров",
  "Смирнов",
  "Ким",
  "Цой",
  "Юсупов",
  "Щербаков",
  "Ёлкин",
  "Байтемиров",
  "Молдокулов",
  "Сатыбалдиев",
  "Токтосунов",
  "Акматов",
  "Аманов",
  "Беков",
  "Дуйшенов",
];
const FIRST = [
  "Азамат",
  "Бакыт",
  "Эрлан",
  "Нурлан",
  "Айбек",
  "Тимур",
  "Марат",
  "Улан",
  "Айгуль",
  "Назгуль",
  "Жылдыз",
  "Айпери",
  "Гульнара",
  "Нурия",
  "Айым",
  "Бермет",
  "Чынара",
  "Мээрим",
  "Жыпар",
  "Алина",
  "Сергей",
  "Ольга",
  "Юлия",
  "Эрмек",
];
const PATRONYMIC = [
  "Бакирович",
  "Маратович",
  "Асанович",
  "Токтосунович",
  "Уланович",
  "Сапарович",
  "Кубанычбекович",
  "Талантович",
  "Бакытович",
  "Эрланович",
  "",
];
/** How a clerk might type a name: as written, in lower case, or in Latin letters (a passport's spelling). */
const LATIN: Record<string, string> = {
  А: "a",
  Б: "b",
  В: "v",
  Г: "g",
  Д: "d",
  Е: "e",
  Ё: "yo",
  Ж: "j",
  З: "z",
  И: "i",
  Й: "y",
  К: "k",
  Л: "l",
  М: "m",
  Н: "n",
  О: "o",
  П: "p",
  Р: "r",
  С: "s",
  Т: "t",
  У: "u",
  Ф: "f",
  Х: "kh",
  Ц: "ts",
  Ч: "ch",
  Ш: "sh",
  Щ: "shch",
  Ы: "y",
  Э: "e",
  Ю: "yu",
  Я: "ya",
  Ү: "u",
  Ө: "o",
  Ң: "ng",
  Ь: "",
  Ъ: "",
};
const latin = (s: string) => [...s.toUpperCase()].map((c) => LATIN[c] ?? c.toLowerCase()).join("");

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const random = (n: number) => Math.floor(Math.random() * n);

async function main() {
  const name = `oms_bench_search_${Date.now()}`;
  const admin = new pg.Client(pgConfigFromUrl(base!));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(base!, name);
  process.env.DATABASE_URL = url;
  const client = new pg.Client(pgConfigFromUrl(url));
  try {
    console.log(`database ${name}: migrating…`);
    await deployMigrations({ kind: "postgres", url });
    await client.connect();

    console.log(`loading ${PERSONS.toLocaleString("en")} persons (generate_series)…`);
    let t0 = performance.now();
    // PINs are unique: the birth day cycles through 25 000 days (37 is prime to 25 000) and the serial counts the
    // cycles. The search index is built after the load (faster than maintaining it row by row); the trigger is bypassed and
    // the key computed by the same function inline.
    await client.query(`DROP INDEX "Person_searchName_idx"; DROP INDEX "Person_documentNumber_idx";
      ALTER TABLE "Person" DISABLE TRIGGER "Person_searchName"`);
    await client.query(`
      INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "patronymic", "birthDate", "sex", "category",
                            "citizenship", "documentType", "documentNumber", "searchName", "updatedAt")
      SELECT gen_random_uuid(), p.pin, p.last, p.first, NULLIF(p.patr, ''), p.birth, p.sex::"Sex", 'CITIZEN',
             'KG', 'KG_ID_CARD', 'ID' || lpad(p.i::text, 8, '0'),
             oms_search_key(concat_ws(' ', p.last, p.first, NULLIF(p.patr, ''))), now()
      FROM (
        SELECT i,
          (${sqlArray(SURNAMES)})[(1 + (i * 7919) % ${SURNAMES.length})::int]
            || CASE WHEN i % 3 = 0 THEN 'а' ELSE '' END AS last,
          (${sqlArray(FIRST)})[(1 + (i * 104729) % ${FIRST.length})::int] AS first,
          (${sqlArray(PATRONYMIC)})[(1 + (i * 1299709) % ${PATRONYMIC.length})::int] AS patr,
          DATE '1950-01-01' + (i * 37 % 25000)::int AS birth,
          CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END AS sex,
          (CASE WHEN i % 2 = 0 THEN '2' ELSE '1' END)
            || to_char(DATE '1950-01-01' + (i * 37 % 25000)::int, 'DDMMYYYY')
            || lpad(((i / 25000) % 100000)::text, 5, '0') AS pin
        FROM generate_series(1::bigint, ${PERSONS}) AS i
      ) p
      ON CONFLICT DO NOTHING`);
    console.log(`  inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s; indexing…`);
    t0 = performance.now();
    await client.query(`CREATE INDEX "Person_searchName_idx" ON "Person"("searchName");
      CREATE INDEX "Person_documentNumber_idx" ON "Person"("documentNumber");
      ALTER TABLE "Person" ENABLE TRIGGER "Person_searchName"; ANALYZE "Person"`);
    const { rows: count } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Person"`);
    console.log(`  indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${count[0]!.n} persons`);

    const { rows: sample } = await client.query<{
      pin: string;
      documentNumber: string;
      lastName: string;
      firstName: string;
    }>(`SELECT "pin", "documentNumber", "lastName", "firstName" FROM "Person" TABLESAMPLE SYSTEM (1) LIMIT 2000`);
    const queries = Array.from({ length: SEARCHES }, (_, i) => {
      const p = sample[random(sample.length)]!;
      switch (i % 5) {
        case 0:
          return p.pin;
        case 1:
          return p.documentNumber.toLowerCase();
        case 2:
          return `${p.lastName} ${p.firstName.slice(0, 2)}`;
        case 3:
          return latin(p.lastName.slice(0, 4 + random(4)));
        default:
          return p.lastName.slice(0, 3 + random(5)).toLowerCase();
      }
    });

    const { searchPeople } = await import("../../lib/people/queries");
    const { closeDb } = await import("../../lib/db");
    for (const q of queries.slice(0, 50)) await searchPeople(q); // warm-up (connections, plans, cache)
    const ours: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const s = performance.now();
      hits += (await searchPeople(q)).length;
      ours.push(performance.now() - s);
    }
    await closeDb();

    // Reference: the least a search can do with this index — one bare query per search over a plain pg connection.
    const reference: number[] = [];
    for (const q of queries) {
      const s = performance.now();
      if (/^\d{14}$/.test(q)) await client.query(`SELECT * FROM "Person" WHERE "pin" = $1`, [q]);
      else if (/\d/.test(q))
        await client.query(`SELECT * FROM "Person" WHERE "documentNumber" = $1`, [q.toUpperCase()]);
      else
        await client.query(
          `SELECT * FROM "Person" WHERE "searchName" LIKE oms_search_key($1) || '%' ORDER BY "searchName" LIMIT 20`,
          [q],
        );
      reference.push(performance.now() - s);
    }

    ours.sort((a, b) => a - b);
    reference.sort((a, b) => a - b);
    const row = (label: string, xs: number[]) =>
      `${label.padEnd(26)} p50 ${percentile(xs, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(xs, 95).toFixed(2).padStart(7)} ms`;
    console.log(`\n${SEARCHES} searches over ${count[0]!.n} persons (${hits} hits):`);
    console.log(row("searchPeople (Prisma)", ours));
    console.log(row("bare pg reference", reference));
    console.log(
      `ratio ours / reference     p50 ${(percentile(ours, 50) / percentile(reference, 50)).toFixed(2)}×   p95 ${(
        percentile(ours, 95) / percentile(reference, 95)
      ).toFixed(2)}×`,
    );
    // The plan of searchPeople's own statement (lib/people/queries.ts), for a name typed in Latin.
    const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
       SELECT h."rank", p."id", p."pin", p."documentNumber", p."lastName", p."firstName", p."patronymic",
              to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDate", p."category"::text AS "category"
       FROM (
         SELECT "id", 0 AS "rank", "searchName" FROM "Person" WHERE "pin" = $1
         UNION ALL
         SELECT "id", 1 AS "rank", "searchName" FROM "Person" WHERE "documentNumber" = $2
         UNION ALL
         (SELECT "id", 2 AS "rank", "searchName" FROM "Person"
           WHERE $3 AND "searchName" LIKE oms_search_key($4) || '%'
           ORDER BY "searchName" LIMIT 20)
       ) h JOIN "Person" p ON p."id" = h."id"
       ORDER BY h."rank", h."searchName"`,
      [null, "UMETAL", true, "umetal"],
    );
    console.log(`\nEXPLAIN of searchPeople for "umetal":\n${plan.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
  } finally {
    await client.end().catch(() => {});
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`kept database ${name}`);
    await admin.end();
  }
}

await main();
