/**
 * npm run db:migrate  [-- --name <name>] [--create-only] [--accept-data-loss] [--force-reset]
 * npm run db:deploy   apply pending migrations (production, CI, `npm run dev`)
 * npm run db:status   applied vs. on disk, drift of the database, and schema changes not yet in a migration
 * npm run db:reset    drop everything and re-apply (asks for --force outside the embedded dev database)
 */
import fs from "node:fs";
import path from "node:path";
import { describeTarget, resolveDbTarget } from "../lib/db/target";
import { FILTERS, MIGRATIONS_DIR, openEngine, type EngineSession } from "./engine";

const [command = "status", ...rest] = process.argv.slice(2);
const flag = (name: string) => rest.includes(`--${name}`);
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function deploy(s: EngineSession) {
  const { appliedMigrationNames } = await s.engine.applyMigrations({ migrationsList: s.migrationsList(), filters: FILTERS });
  if (appliedMigrationNames.length === 0) console.log("✔ No pending migrations.");
  for (const name of appliedMigrationNames) console.log(`✔ Applied ${name}`);
}

/** Migrations on disk that would change the schema: empty when schema.prisma and prisma/migrations agree. */
async function schemaChangesNotInMigrations(s: EngineSession): Promise<string> {
  const list = s.migrationsList();
  const from = list.migrationDirectories.length ? ({ tag: "migrations", ...list } as const) : ({ tag: "empty" } as const);
  let script = "";
  const original = process.stdout.write.bind(process.stdout);
  // The engine prints the diff script to stdout itself; capture it instead of letting it through.
  process.stdout.write = ((chunk: string | Uint8Array) => {
    script += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await s.engine.diff({
      from,
      to: { tag: "schemaDatamodel", ...s.schemaFiles() },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
  } finally {
    process.stdout.write = original;
  }
  return script.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}

async function status(s: EngineSession) {
  const diag = await s.engine.diagnoseMigrationHistory({
    migrationsList: s.migrationsList(),
    optInToShadowDatabase: false,
    filters: FILTERS,
  });
  let ok = true;
  const h = diag.history;
  if (h?.diagnostic === "databaseIsBehind") {
    ok = false;
    console.log(`✖ Not applied yet: ${h.unappliedMigrationNames.join(", ")} — run npm run db:deploy`);
  } else if (h?.diagnostic === "migrationsDirectoryIsBehind") {
    ok = false;
    console.log(`✖ Applied to the database but missing on disk: ${h.unpersistedMigrationNames.join(", ")}`);
  } else if (h?.diagnostic === "historiesDiverge") {
    ok = false;
    console.log(`✖ Migration history diverges after ${h.lastCommonMigrationName ?? "the start"}`);
  }
  if (diag.failedMigrationNames.length) {
    ok = false;
    console.log(`✖ Failed migrations: ${diag.failedMigrationNames.join(", ")}`);
  }
  if (diag.editedMigrationNames.length) {
    ok = false;
    console.log(`✖ Edited after being applied: ${diag.editedMigrationNames.join(", ")}`);
  }
  if (ok) {
    const dev = await s.engine.devDiagnostic({ migrationsList: s.migrationsList(), filters: FILTERS });
    if (dev.action.tag === "reset") {
      ok = false;
      console.log(`✖ Drift: the database differs from the migrations. ${dev.action.reason}`);
    }
  }
  const pending = await schemaChangesNotInMigrations(s);
  if (pending) {
    ok = false;
    console.log("✖ schema.prisma has changes that no migration holds — run npm run db:migrate -- --name <name>");
  }
  const count = s.migrationsList().migrationDirectories.length;
  if (ok) console.log(`✔ Database schema is up to date: ${count} migration(s), no drift.`);
  return ok;
}

async function dev(s: EngineSession) {
  const diag = await s.engine.devDiagnostic({ migrationsList: s.migrationsList(), filters: FILTERS });
  if (diag.action.tag === "reset") {
    if (!flag("force-reset")) fail(`The database has drifted from the migrations (${diag.action.reason}). Re-run with --force-reset to drop all data and start over.`);
    await s.engine.reset({ filter: FILTERS });
  }
  await deploy(s);
  const schema = s.schemaFiles();
  const loss = await s.engine.evaluateDataLoss({ migrationsList: s.migrationsList(), schema, filters: FILTERS });
  if (loss.unexecutableSteps.length) fail(loss.unexecutableSteps.map((w: { message: string }) => w.message).join("\n"));
  if (loss.warnings.length && !flag("accept-data-loss")) {
    fail(`This migration would lose data:\n${loss.warnings.map((w: { message: string }) => `  • ${w.message}`).join("\n")}\nRe-run with --accept-data-loss if that is intended.`);
  }
  if (loss.migrationSteps === 0) {
    console.log("✔ schema.prisma and the migrations agree: nothing to create.");
    return;
  }
  const name = (option("name") ?? "migration").toLowerCase().replace(/[^a-z0-9_]+/g, "_");
  const out = await s.engine.createMigration({
    draft: false,
    migrationName: name,
    migrationsList: s.migrationsList(),
    schema,
    filters: FILTERS,
  });
  if (!out.migrationScript) return console.log("✔ Nothing to create.");
  const dir = path.join(MIGRATIONS_DIR, out.generatedMigrationName);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `migration.${out.extension}`), out.migrationScript);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`);
  }
  console.log(`✔ Created prisma/migrations/${out.generatedMigrationName}/migration.sql`);
  if (!flag("create-only")) await deploy(s);
}

async function main() {
  const target = resolveDbTarget();
  console.log(`Database: ${describeTarget(target)}`);
  const s = await openEngine(target);
  let ok = true;
  try {
    switch (command) {
      case "deploy":
        await deploy(s);
        break;
      case "status":
        ok = await status(s);
        break;
      case "dev":
        await dev(s);
        break;
      case "reset":
        if (target.kind === "postgres" && !flag("force")) fail("Refusing to reset a PostgreSQL database without --force.");
        await s.engine.reset({ filter: FILTERS });
        await deploy(s);
        break;
      default:
        fail(`Unknown command ${command}: use deploy, status, dev or reset`);
    }
  } finally {
    await s.close();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
