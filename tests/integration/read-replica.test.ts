import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "../../lib/db";
import { loadDashboard, resolveDashboardScope } from "../../lib/reports/queries";
import { cloneTemplate } from "../support/databases";

// Issue 16: with DATABASE_REPLICA_URL set, the Fund's reports read from the replica and everything else from the
// primary. Here the "replica" is a second copy of the template holding a row the primary does not have.
const template = inject("dbTemplate");

describe.skipIf(template.kind !== "postgres")("a read replica (DATABASE_REPLICA_URL)", () => {
  let disposeReplica: (() => Promise<void>) | null = null;
  afterAll(async () => {
    delete process.env.DATABASE_REPLICA_URL;
    await disposeReplica?.();
  });

  it("serves the Fund's reports from the replica and keeps the primary for the rest", async () => {
    const replica = await cloneTemplate(template);
    disposeReplica = replica.dispose;
    if (replica.target.kind !== "postgres") throw new Error("unreachable");
    const client = new pg.Client({ connectionString: replica.target.url });
    await client.connect();
    await client.query(
      `INSERT INTO "TerritorialOffice" (code, "nameRu", "nameKy", "addressRu", "addressKy")
       VALUES ('REPLICA_ONLY', 'Реплика', 'Реплика', '-', '-')`,
    );
    await client.end();
    process.env.DATABASE_REPLICA_URL = replica.target.url;

    // the office filter resolves on the replica: its id exists there only
    const scope = await resolveDashboardScope({ office: "REPLICA_ONLY" } as never);
    expect(scope.officeId).toBeGreaterThan(0);
    const dashboard = await loadDashboard(scope);
    expect(JSON.stringify(dashboard)).toContain("REPLICA_ONLY");
    expect(await db.territorialOffice.count({ where: { code: "REPLICA_ONLY" } })).toBe(0);
  });
});
