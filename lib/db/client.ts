import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDbTarget, type DbTarget } from "./target";

export type Db = InstanceType<typeof PrismaClient>;

export type OpenDb = { db: Db; close: () => Promise<void> };

/** A new PrismaClient for a target. Scripts and tests use this; the app uses the `db` singleton in ./index. */
export function openDb(target: DbTarget = resolveDbTarget()): OpenDb {
  if (target.kind === "postgres") {
    const db = new PrismaClient({
      adapter: new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    });
    return { db, close: () => db.$disconnect() };
  }
  // PGlite has no cross-process lock: only one process may open a directory at a time (see README).
  const pglite = new PGlite(target.dir);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
