import { describe, expect, it } from "vitest";
import { GET as live } from "../../app/api/health/route";
import { GET as ready } from "../../app/api/health/ready/route";
import { db } from "../../lib/db";

// Issue 16: liveness answers while the process runs; readiness only when the database answers and every migration
// this build ships is applied (a new release waits for `npm run db:deploy`).

describe("health endpoints (issue 16)", () => {
  it("GET /api/health answers 200 without touching the database", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("GET /api/health/ready answers 200 on a migrated database and 503 while a migration is pending", async () => {
    const ok = await ready();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, database: true, migrations: "applied", pending: 0 });

    const [last] = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE id = ${last!.id}`;
    try {
      const pending = await ready();
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ ok: false, migrations: "pending", pending: 1 });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = now() WHERE id = ${last!.id}`;
    }
  });
});
