/**
 * Prisma's own Wasm schema engine, driven over our driver adapters, because the native engine cannot be downloaded
 * on these machines (../shared/STACK.md). Produces and reads the standard `prisma/migrations/<ts>_<name>/migration.sql`
 * layout and `_prisma_migrations` rows, so `prisma migrate deploy` on a connected machine accepts the same files.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { pgConfigFromUrl, type DbTarget } from "../lib/db/target";

export const PRISMA_DIR = path.dirname(new URL(import.meta.url).pathname);
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE = "migration_lock.toml";
const FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

// ---------------------------------------------------------------------------------------------------------------
// Adapters for the migration process only.

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** The engine reads catalog columns of type "char" (OID 18), which adapter-pg cannot deserialize: present them as text. */
function charAsText<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  if (fields) for (const f of fields) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
  return result;
}

class CharAsTextPool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(charAsText) : out;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override connect(...args: any[]): any {
    if (args.length > 0) return (super.connect as (...a: unknown[]) => unknown)(...args);
    return super.connect().then((client) => {
      const original = client.query.bind(client) as (...a: unknown[]) => unknown;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (client as any).query = (...a: unknown[]) => {
        const out = original(...a) as Promise<unknown> | undefined;
        return out && typeof out.then === "function" ? out.then(charAsText) : out;
      };
      return client;
    });
  }
}

/** adapter-pg runs a script by splitting it at every ";", which cuts a dollar-quoted function body (the audit log's
 * append-only trigger) in two: send the script whole instead, as `prisma migrate` does (one simple query). */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

class PgMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "oms-pg-migrate";
  private readonly pools: pg.Pool[] = [];
  constructor(private readonly config: ReturnType<typeof pgConfigFromUrl>) {}

  connect(): Promise<SqlDriverAdapter> {
    const pool = new CharAsTextPool({ ...this.config, max: 2 });
    this.pools.push(pool);
    return new PrismaPg(pool, { disposeExternalPool: true }).connect().then((a) => wholeScripts(a, pool));
  }

  /** Freeing the engine does not dispose its adapter: end the pools ourselves, or the database stays "in use". */
  async close(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((p) => (p.ended ? undefined : p.end().catch(() => undefined))));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const admin = new pg.Client({ ...this.config });
    await admin.connect();
    const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowPool = new CharAsTextPool({ ...this.config, database: name, max: 2 });
    const adapter = wholeScripts(await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect(), shadowPool);
    const dispose = adapter.dispose.bind(adapter);
    // Close the shadow pool *before* dropping the database, or the drop waits on our own connections.
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The engine.

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type Engine = import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine;

export type EngineSession = {
  engine: Engine;
  migrationsList: () => MigrationsList;
  schemaFiles: () => { files: { path: string; content: string }[] };
  close: () => Promise<void>;
};

export type MigrationsList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: "ok"; value: string } } }[];
};

// Each engine gets its own copy of the wasm-bindgen glue module (a distinct import URL) and its own wasm instance.
// The glue keeps its instance in module state: re-pointing a shared copy at a new instance corrupts the closures of an
// engine that has run ("FnOnce called more than once"), and one instance does not serve a second engine (it "must be
// provided through an external factory").
let glueCopies = 0;

// The Wasm engine reports a Rust panic's message through this global before it throws: keep it, so a panic says why.
const panics = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
panics.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    console.error(`✖ schema engine panic: ${message}`);
  },
};

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glueUrl = `${pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href}?copy=${++glueCopies}`;
  const glue = (await import(/* webpackIgnore: true */ glueUrl)) as Glue;
  const wasm = await wasmModule(path.join(pkgDir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(wasm, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  (glue as unknown as { __wbg_set_wasm(e: WebAssembly.Exports): void }).__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

let compiled: Promise<WebAssembly.Module> | undefined;
function wasmModule(file: string): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(fs.readFileSync(file));
  return compiled;
}

export function readMigrationsList(dir = MIGRATIONS_DIR): MigrationsList {
  const dirs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, LOCKFILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Opens the engine on a target. `log` receives the engine's own log lines (JSON), silenced unless DEBUG_SCHEMA_ENGINE. */
export async function openEngine(target: DbTarget): Promise<EngineSession> {
  const glue = await loadGlue();
  let factory: SqlMigrationAwareDriverAdapterFactory;
  let closeExtra = async () => {};
  if (target.kind === "postgres") {
    const pgFactory = new PgMigrationFactory(pgConfigFromUrl(target.url));
    factory = pgFactory;
    closeExtra = () => pgFactory.close();
  } else {
    fs.mkdirSync(target.dir, { recursive: true });
    const client = new PGlite(target.dir);
    factory = new PrismaPGlite(client);
    closeExtra = () => client.close();
  }
  const schemaFiles = () => ({ files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, "utf8") }] });
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", line);
  };
  const engine = (await glue.SchemaEngine.new(
    { datamodels: schemaFiles().files.map((f) => [f.path, f.content] as [string, string]) },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as Engine;
  return {
    engine,
    migrationsList: () => readMigrationsList(),
    schemaFiles,
    close: async () => {
      engine.free();
      await closeExtra();
    },
  };
}

/** Applies every pending migration; returns the names applied. Used by `db:deploy`, `npm run dev` and tests. */
export async function deployMigrations(target: DbTarget): Promise<string[]> {
  const session = await openEngine(target);
  try {
    const out = await session.engine.applyMigrations({ migrationsList: session.migrationsList(), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    await session.close();
  }
}

/**
 * The SQL that would take a database from the migrations on disk to `schema.prisma` (or the given schema files):
 * empty when they agree. What `db:status` reports and `db:migrate` writes.
 */
export async function pendingSchemaChanges(
  session: EngineSession,
  files = session.schemaFiles().files,
): Promise<string> {
  const list = session.migrationsList();
  const from = list.migrationDirectories.length
    ? ({ tag: "migrations", ...list } as const)
    : ({ tag: "empty" } as const);
  const result = await session.engine.diff({
    from,
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters: FILTERS,
  });
  return (result.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}

export { FILTERS };
