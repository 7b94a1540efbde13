import { openDb, type Db } from "./client";

export type { Db } from "./client";

// One PrismaClient per process, kept on globalThis so Next's hot reload does not open a new pool (or a second
// PGlite on the same directory) on every edit. Created on first use, so importing this module never connects.
const holder = globalThis as unknown as { __omsDb?: Db };

function getDb(): Db {
  holder.__omsDb ??= openDb().db;
  return holder.__omsDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client as object, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
