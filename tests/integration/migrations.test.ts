import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pgConfigFromUrl, type DbTarget } from "../../lib/db/target";
import { deployMigrations, openEngine, pendingSchemaChanges, readMigrationsList, FILTERS } from "../../prisma/engine";
import { createEmptyDatabase } from "../support/databases";

// Where a PostgreSQL server is available (CI, and these machines), the comparison uses it in both runs.
const pgServer = process.env.OMS_TEST_PG_URL || process.env.DATABASE_URL || "";

const SCHEMA_QUERIES = [
  `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
  `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
  `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY 1`,
  // (PGlite is a newer PostgreSQL that also lists NOT NULL as constraints, contype 'n'; nullability is compared
  // through information_schema.columns above, on both.)
  `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, e.enumsortorder`,
  `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY 1`,
];

async function dumpSchema(target: DbTarget): Promise<unknown[][]> {
  if (target.kind === "postgres") {
    const client = new pg.Client(pgConfigFromUrl(target.url));
    await client.connect();
    try {
      const out = [];
      for (const q of SCHEMA_QUERIES) out.push((await client.query(q)).rows);
      return out;
    } finally {
      await client.end();
    }
  }
  const db = new PGlite(target.dir);
  try {
    const out = [];
    for (const q of SCHEMA_QUERIES) out.push((await db.query(q)).rows);
    return out;
  } finally {
    await db.close();
  }
}

const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of disposers) await d();
});

describe("migrations (prisma/migrations, applied with the Wasm schema engine)", () => {
  it("are in the standard layout, one migration.sql per timestamped folder", () => {
    const list = readMigrationsList();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const d of list.migrationDirectories) expect(d.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(list.lockfile.content).toContain('provider = "postgresql"');
  });

  it("give an empty PGlite the full schema, and report no drift and nothing unmigrated afterwards", async () => {
    const { target, dispose } = await createEmptyDatabase("pglite");
    disposers.push(dispose);
    const applied = await deployMigrations(target);
    expect(applied).toEqual(readMigrationsList().migrationDirectories.map((d) => d.path));
    expect(await deployMigrations(target)).toEqual([]); // idempotent
    const session = await openEngine(target);
    try {
      const diag = await session.engine.diagnoseMigrationHistory({
        migrationsList: session.migrationsList(),
        optInToShadowDatabase: false,
        filters: FILTERS,
      });
      expect(diag.history).toBeNull();
      expect(diag.failedMigrationNames).toEqual([]);
      const dev = await session.engine.devDiagnostic({ migrationsList: session.migrationsList(), filters: FILTERS });
      expect(dev.action.tag).toBe("createMigration"); // "reset" would mean drift

      // schema.prisma and the committed migrations agree; a model added to the schema is reported.
      expect(await pendingSchemaChanges(session)).toBe("");
      const [schema] = session.schemaFiles().files;
      const changed = [{ path: schema!.path, content: `${schema!.content}\nmodel DriftProbe {\n  id Int @id\n}\n` }];
      expect(await pendingSchemaChanges(session, changed)).toMatch(/CREATE TABLE "DriftProbe"/);
    } finally {
      await session.close();
    }
  }, 240_000); // PGlite applies each migration in WebAssembly: seconds each, more on a busy machine

  it.skipIf(!pgServer)("give an empty PostgreSQL and an empty PGlite the same schema", async () => {
    const a = await createEmptyDatabase("postgres", pgServer);
    const b = await createEmptyDatabase("pglite");
    disposers.push(a.dispose, b.dispose);
    await deployMigrations(a.target);
    await deployMigrations(b.target);
    const [pgSchema, pgliteSchema] = [await dumpSchema(a.target), await dumpSchema(b.target)];
    expect(pgSchema[0]!.length).toBeGreaterThan(50); // columns: the comparison is not of two empty lists
    expect(pgliteSchema).toEqual(pgSchema);
  });
});
