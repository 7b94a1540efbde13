import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { WatchedPool } from "./availability";
import { resolveDbTarget, type DbTarget } from "./target";

export type Db = InstanceType<typeof PrismaClient>;

/**
 * `pool`: on PostgreSQL, the pg pool Prisma itself runs on — the hot paths (the public status check, issue 17) send
 * their one SQL statement through it without Prisma's query engine in between; null on PGlite.
 */
export type OpenDb = { db: Db; pool: pg.Pool | null; close: () => Promise<void> };

/**
 * Limits on a PostgreSQL pool (issue 16). An overloaded portal sheds load instead of queueing forever: a request that
 * cannot get a connection, a statement that runs too long and a lock wait that lasts too long all end in an error
 * the caller answers with, never in a hang. Zero turns a limit off (scripts that load large data sets).
 */
export type PoolLimits = {
  /** connections in this process's pool */
  size: number;
  /** waiting for a new connection to the server */
  connectMs: number;
  /** one statement (PostgreSQL `statement_timeout`) */
  statementMs: number;
  /** waiting for a row or table lock (`lock_timeout`) */
  lockMs: number;
  /** a transaction left open and idle (`idle_in_transaction_session_timeout`) */
  idleInTransactionMs: number;
};

/** The defaults, each overridden by its variable (named in the README, "Operations"). */
const POOL_LIMIT_VARIABLES = {
  size: ["DATABASE_POOL_SIZE", 10],
  connectMs: ["DATABASE_CONNECT_TIMEOUT_MS", 5_000],
  statementMs: ["DATABASE_STATEMENT_TIMEOUT_MS", 15_000],
  lockMs: ["DATABASE_LOCK_TIMEOUT_MS", 10_000],
  idleInTransactionMs: ["DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 30_000],
} as const satisfies Record<keyof PoolLimits, readonly [string, number]>;

export function poolLimitsFromEnv(env: Record<string, string | undefined> = process.env): PoolLimits {
  const out = {} as PoolLimits;
  for (const [key, [name, fallback]] of Object.entries(POOL_LIMIT_VARIABLES) as [
    keyof PoolLimits,
    readonly [string, number],
  ][]) {
    const raw = env[name]?.trim();
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 0 || (key === "size" && value < 1)) {
      throw new Error(
        `${name} must be a whole number${key === "size" ? " ≥ 1" : " of milliseconds ≥ 0"}, got "${raw}"`,
      );
    }
    out[key] = value;
  }
  return out;
}

/** A new PrismaClient for a target. Scripts and tests use this; the app uses the `db` singleton in ./index. */
export function openDb(target: DbTarget = resolveDbTarget(), limits: PoolLimits = poolLimitsFromEnv()): OpenDb {
  if (target.kind === "postgres") {
    // A pool of our own (not the adapter's), so that a database going away is noticed (./availability.ts).
    const pool = new WatchedPool({
      connectionString: target.url,
      max: limits.size,
      connectionTimeoutMillis: limits.connectMs,
      statement_timeout: limits.statementMs,
      lock_timeout: limits.lockMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    });
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      db,
      pool,
      close: async () => {
        await db.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }
  // PGlite would create a missing directory's database empty (or fail on its missing parent): a script run before the
  // database was prepared is told so instead. The migrations (prisma/engine.ts) create it.
  if (!fs.existsSync(path.join(/*turbopackIgnore: true*/ target.dir, "PG_VERSION")))
    throw new Error(missingPgliteMessage(target.dir));
  // PGlite has no cross-process lock: only one process may open a directory at a time (see README).
  const pglite = new PGlite(target.dir);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    pool: null,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

/** What a script run against an embedded database that does not exist yet is told. */
function missingPgliteMessage(dir: string): string {
  const shown = path.relative(process.cwd(), dir) || dir;
  return `The embedded database (PGlite at ${shown}) has not been prepared yet: run "npm run db:prepare" (or "npm run dev", which prepares it) first, or set DATABASE_URL to a PostgreSQL server.`;
}
