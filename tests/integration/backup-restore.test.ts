import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../../lib/db/backup";
import { pgConfigFromUrl, resolveDbTarget } from "../../lib/db/target";
import { createEmptyDatabase, TMP_DIR, uniqueName } from "../support/databases";
import { createExternalCoverage, createPerson, createPolicy } from "../support/factories";

// Issue 16: backup → restore into a fresh database → the same rows in every table.

const target = resolveDbTarget();

async function countsOf(url: string): Promise<Record<string, number>> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
      out[name] = Number(r.rows[0]!.n);
    }
    return out;
  } finally {
    await client.end();
  }
}

describe.skipIf(target.kind !== "postgres")("db:backup / db:restore (issue 16)", () => {
  it("a dump restored into a fresh database holds the same counts in every table", async () => {
    if (target.kind !== "postgres") return;
    for (let i = 0; i < 3; i++) {
      const person = await createPerson();
      await createPolicy(person.id, { validFrom: "2026-01-01", validTo: "2026-12-31" });
      await createExternalCoverage(person.id, "2025-01-01", "2025-12-31");
    }
    const before = await countsOf(target.url);
    expect(before.Person).toBeGreaterThanOrEqual(3);

    const file = path.join(TMP_DIR, `${uniqueName("backup")}.dump`);
    const fresh = await createEmptyDatabase("postgres", target.url);
    try {
      const { bytes } = await backupDatabase(target.url, file);
      expect(bytes).toBeGreaterThan(0);
      if (fresh.target.kind !== "postgres") throw new Error("unreachable");
      await restoreDatabase(fresh.target.url, file);
      expect(await countsOf(fresh.target.url)).toEqual(before);
      // a database that holds the portal already is not overwritten by accident
      await expect(restoreDatabase(fresh.target.url, file)).rejects.toThrow(/pg_restore failed/);
      await restoreDatabase(fresh.target.url, file, { replace: true });
      expect(await countsOf(fresh.target.url)).toEqual(before);
    } finally {
      fs.rmSync(file, { force: true });
      await fresh.dispose();
    }
  }, 60_000);
});
