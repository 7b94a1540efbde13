import { openDb, type Db, type OpenDb } from "./client";

export type { Db } from "./client";

// One PrismaClient per process, kept on globalThis so Next's hot reload does not open a new pool (or a second
// PGlite on the same directory) on every edit. Created on first use, so importing this module never connects.
const holder = globalThis as unknown as { __omsDb?: OpenDb };

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

/**
 * One SQL statement with $1… parameters, its rows — for a hot read path that must not pay for Prisma's query engine
 * (issue 17): straight on the pg pool Prisma runs on; on PGlite through Prisma's raw query. JSON columns come back
 * parsed either way.
 */
export async function sqlRows<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]> {
  holder.__omsDb ??= openDb();
  const { pool, db: client } = holder.__omsDb;
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
  holder.__omsDb = undefined;
  await open?.close();
}

/**
 * Options for transactions on the money path. Prisma's default waits 2 s for a pooled connection; at a burst (a
 * terminal network's queue, an acquirer's retries) every connection may be busy for longer, and a request must wait
 * its turn instead of failing with an error the caller would only retry.
 */
export const MONEY_TX_OPTIONS = { timeout: 20_000, maxWait: 20_000 } as const;
