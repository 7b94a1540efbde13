import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { openDb, poolLimitsFromEnv, type OpenDb } from "../../lib/db/client";
import { resolveDbTarget } from "../../lib/db/target";

// Issue 16: a statement past its timeout, or a lock wait past its own, ends in an error the caller can answer with —
// never in a request that hangs. (PostgreSQL only: PGlite is one embedded connection with no server-side timeouts.)

const onPostgres = resolveDbTarget().kind === "postgres";
const opened: OpenDb[] = [];
function client(over: { statementMs?: number; lockMs?: number }) {
  const c = openDb(resolveDbTarget(), { ...poolLimitsFromEnv({}), size: 2, ...over });
  opened.push(c);
  return c.db;
}
afterAll(async () => {
  for (const c of opened) await c.close();
});

describe.skipIf(!onPostgres)("database timeouts (issue 16)", () => {
  it("a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS is cancelled and answered as an error", async () => {
    const quick = client({ statementMs: 300 });
    const started = Date.now();
    await expect(quick.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout|canceling statement/i);
    expect(Date.now() - started).toBeLessThan(4_000);
    // the pool is still usable afterwards
    await expect(quick.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
  });

  it("a lock wait past DATABASE_LOCK_TIMEOUT_MS ends in an error, and the holder's transaction is unharmed", async () => {
    const office = await db.territorialOffice.findFirstOrThrow({ select: { id: true } });
    const impatient = client({ lockMs: 300 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "TerritorialOffice" WHERE id = ${office.id} FOR UPDATE`;
        locked();
        await held;
        return "committed";
      },
      { timeout: 20_000 },
    );
    await isLocked;
    await expect(
      impatient.$executeRaw`UPDATE "TerritorialOffice" SET "nameRu" = "nameRu" WHERE id = ${office.id}`,
    ).rejects.toThrow(/lock timeout|canceling statement/i);
    release();
    await expect(holder).resolves.toBe("committed");
  });
});
