import "server-only";
import { db } from "@/lib/db";

/** Is the database reachable? (health checks) */
export async function pingDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
