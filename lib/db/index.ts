import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
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
 * A hot statement PostgreSQL parses and plans once per connection instead of on every execution (issue 17): a named
 * prepared statement of the pg pool (node-postgres prepares it on a connection's first use of the name, then only
 * binds and executes). The terminal payment's write is a CTE of six statements and 36 parameters: parsing and
 * planning it cost PostgreSQL more than executing it. For constant texts only, never for a statement whose text is
 * built per call (each text stays prepared on every connection). On PGlite the text is run as it is.
 */
export type Prepared = { readonly name: string; readonly text: string };

export function prepared(name: string, text: string): Prepared {
  // The text's hash is part of the name: a statement edited under `next dev` (its module evaluated again, the pool's
  // connections still holding the old text under the old name) is another statement, never a clash with the old one.
  return Object.freeze({ name: `${name}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`, text });
}

type Statement = string | Prepared;

const textOf = (statement: Statement) => (typeof statement === "string" ? statement : statement.text);

/** node-postgres's form of a statement with its parameters: named when prepared. */
const pgQuery = (statement: Statement, values: unknown[]) =>
  typeof statement === "string" ? { text: statement, values } : { name: statement.name, text: statement.text, values };

/**
 * One SQL statement with $1… parameters, its rows — for a hot read path that must not pay for Prisma's query engine
 * (issue 17): straight on the pg pool Prisma runs on; on PGlite through Prisma's raw query. JSON columns come back
 * parsed either way.
 */
export async function sqlRows<T extends Record<string, unknown>>(text: Statement, params: unknown[]): Promise<T[]> {
  return rowsOn((holder.__omsDb ??= openDb()), text, params);
}

/** `sqlRows` for a read that may lag the primary (see `readDb`): the public status check. */
export async function readSqlRows<T extends Record<string, unknown>>(text: Statement, params: unknown[]): Promise<T[]> {
  return rowsOn(getReadOpen(), text, params);
}

async function rowsOn<T extends Record<string, unknown>>(
  open: OpenDb,
  text: Statement,
  params: unknown[],
): Promise<T[]> {
  const { pool, db: client } = open;
  if (pool) return (await pool.query<T>(pgQuery(text, params))).rows;
  const rows = await client.$queryRawUnsafe<T[]>(textOf(text), ...params);
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === "string" && /^[[{]/.test(v) ? JSON.parse(v) : v]),
      ) as T,
  );
}

/**
 * One SQL statement inside a transaction ($1… parameters), its rows as the driver gives them: cast in the SQL
 * (`::text`, `::int`, `::boolean`) wherever pg and Prisma's raw query would differ (dates, big integers, JSON).
 */
export type SqlTx = <T extends Record<string, unknown>>(text: Statement, params: unknown[]) => Promise<T[]>;

/** A Prisma transaction as a SqlTx: the statements of a `sqlTransaction` body, inside a Prisma transaction. */
export function sqlOn(tx: Prisma.TransactionClient): SqlTx {
  return (text, params) => tx.$queryRawUnsafe(textOf(text), ...params);
}

/**
 * A transaction of plain SQL statements (issue 17: the terminal payment). On PostgreSQL it runs on one connection of
 * the pg pool Prisma itself runs on — BEGIN, the statements, COMMIT, without the query engine's transaction manager
 * and its per-statement overhead; on PGlite (one connection) inside a Prisma transaction. Whatever the body throws
 * rolls everything back and is thrown on. The pool's limits (issue 16) apply: waiting for a connection, statement and
 * lock timeouts.
 */
export async function sqlTransaction<T>(work: (sql: SqlTx) => Promise<T>): Promise<T> {
  const open = (holder.__omsDb ??= openDb());
  if (!open.pool) return open.db.$transaction((tx) => work(sqlOn(tx)), MONEY_TX_OPTIONS);
  const client = await open.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(async (text, params) => (await client.query(pgQuery(text, params))).rows);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    // A connection whose ROLLBACK fails is in an unknown state: it leaves the pool instead of going back to it.
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw e;
  } finally {
    client.release(broken);
  }
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
