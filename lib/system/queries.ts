import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";

/** Is the database reachable? (health checks) */
async function pingDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** The migrations this build ships (folder names under prisma/migrations). */
function shippedMigrations(): string[] {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations");
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export type Readiness = { database: boolean; migrations: "applied" | "pending" | "unknown"; pending: number };

/**
 * Readiness for a load balancer (issue 16): the database answers and every migration this build ships has been
 * applied — an instance of a new release waits for `npm run db:deploy` before it takes traffic.
 */
export async function readiness(): Promise<Readiness> {
  if (!(await pingDatabase())) return { database: false, migrations: "unknown", pending: 0 };
  const shipped = shippedMigrations();
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = shipped.filter((m) => !applied.has(m)).length;
    return { database: true, migrations: pending === 0 ? "applied" : "pending", pending };
  } catch {
    return { database: true, migrations: "pending", pending: shipped.length };
  }
}
