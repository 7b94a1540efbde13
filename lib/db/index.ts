import { openDb, type Db, type OpenDb } from "./client";
import { resolveDbTarget } from "./target";

export type { Db } from "./client";

// One PrismaClient per process, kept on globalThis so Next's hot reload does not open a new pool (or a second
// PGlite on the same directory) on every edit. Created on first use, so importing this module never connects.
const holder = globalThis as unknown as { __omsDb?: OpenDb; __omsReadDb?: OpenDb | null };

function getDb(): Db {
  holder.__omsDb ??= openDb();
  return holder.__omsDb.db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client as object, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
  // Tests replace a method (e.g. make $transaction fail) on the real client.
  set(_target, prop, value) {
    return Reflect.set(getDb() as object, prop, value);
  },
});

function getReadOpen(): OpenDb {
  if (holder.__omsReadDb === undefined) {
    const url = process.env.DATABASE_REPLICA_URL?.trim();
    holder.__omsReadDb = url && resolveDbTarget().kind === "postgres" ? openDb({ kind: "postgres", url }) : null;
  }
  return holder.__omsReadDb ?? (holder.__omsDb ??= openDb());
}

function getReadDb(): Db {
  return getReadOpen().db;
}

/**
 * Reads that may lag the primary by a moment (issue 16): the Fund's dashboard and registries and the public status
 * check. With `DATABASE_REPLICA_URL` set (a streaming-replication standby of DATABASE_URL), they go there and leave
 * the primary to payments; unset, this is `db`. Never for a read that decides a write (use `db` inside the
 * transaction): a replica may not yet have the row just written.
 */
export const readDb: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getReadDb();
    const value = Reflect.get(client as object, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * One SQL statement with $1… parameters, its rows — for a hot read path that must not pay for Prisma's query engine
 * (issue 17): straight on the pg pool Prisma runs on; on PGlite through Prisma's raw query. JSON columns come back
 * parsed either way.
 */
export async function sqlRows<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]> {
  return rowsOn((holder.__omsDb ??= openDb()), text, params);
}

/** `sqlRows` for a read that may lag the primary (see `readDb`): the public status check. */
export async function readSqlRows<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]> {
  return rowsOn(getReadOpen(), text, params);
}

async function rowsOn<T extends Record<string, unknown>>(open: OpenDb, text: string, params: unknown[]): Promise<T[]> {
  const { pool, db: client } = open;
  if (pool) return (await pool.query<T>(text, params)).rows;
  const rows = await client.$queryRawUnsafe<T[]>(text, ...params);
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === "string" && /^[[{]/.test(v) ? JSON.parse(v) : v]),
      ) as T,
  );
}

/** Scripts and tests: close the connection (PGlite otherwise keeps the process alive for seconds). */
export async function closeDb(): Promise<void> {
  const open = holder.__omsDb;
  const read = holder.__omsReadDb;
  holder.__omsDb = undefined;
  holder.__omsReadDb = undefined;
  await open?.close();
  await read?.close();
}

/**
 * Options for transactions on the money path. Prisma's default waits 2 s for a pooled connection; at a burst (a
 * terminal network's queue, an acquirer's retries) every connection may be busy for longer, and a request must wait
 * its turn instead of failing with an error the caller would only retry.
 */
export const MONEY_TX_OPTIONS = { timeout: 20_000, maxWait: 20_000 } as const;
