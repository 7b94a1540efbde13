import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import {
  MAX_AUDIT_JSON_BYTES,
  MAX_AUDIT_ROWS_PER_CALL,
  writeAudit,
  writeAudits,
  writeStandaloneAudit,
} from "../../lib/audit/mutations";

const ACTOR = { id: null, label: "test" };

describe("hole 6: the audit log can be rewritten", () => {
  it("UPDATE, DELETE and TRUNCATE through the application's own connection are refused", async () => {
    await writeStandaloneAudit({ actor: ACTOR, action: "test.row", entity: "Test", entityId: "1" });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "test.row" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "rewritten" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const again = await db.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.action).toBe("test.row");
  });

  it("inserting still works inside a transaction", async () => {
    await db.$transaction(async (tx) => {
      await writeAudit(tx, { actor: ACTOR, action: "test.tx", entity: "Test" });
    });
    expect(await db.auditLog.count({ where: { action: "test.tx" } })).toBe(1);
  });

  it("caps what one call can write: a huge value is replaced by a marker, too many rows are refused", async () => {
    const huge = { blob: "x".repeat(MAX_AUDIT_JSON_BYTES * 4), password: "secret" };
    await writeStandaloneAudit({
      actor: { id: null, label: "y".repeat(5000) },
      action: "test.huge",
      entity: "T",
      after: huge,
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "test.huge" } });
    expect(row.after).toMatchObject({ truncated: true });
    expect(JSON.stringify(row.after).length).toBeLessThan(2000);
    expect(JSON.stringify(row.after)).not.toContain("secret");
    expect(row.actorLabel.length).toBeLessThanOrEqual(200);
    const many = Array.from({ length: MAX_AUDIT_ROWS_PER_CALL + 1 }, () => ({
      actor: ACTOR,
      action: "test.many",
      entity: "T",
    }));
    await expect(writeAudits(db, many)).rejects.toThrow(/at most/);
    expect(await db.auditLog.count({ where: { action: "test.many" } })).toBe(0);
  });
});
