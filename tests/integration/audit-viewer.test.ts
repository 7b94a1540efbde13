import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { writeAudit } from "../../lib/audit/mutations";
import { listAuditActions, listAuditPage } from "../../lib/audit/queries";
import { db } from "../../lib/db";
import { findAuditRecordIdsByPin } from "../../lib/people/queries";
import { createPerson, createPolicy, staffStub } from "../support/factories";

// Issue 15: the audit viewer pages over the whole log by id (keyset) and filters by action, account, record, person
// and time; only auditors read it.

const admin = staffStub({ role: "ADMIN" });

describe("the audit viewer's queries (issue 15)", () => {
  it("pages through every row of a filter exactly once, newest first", async () => {
    const action = `test.keyset.${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 5; i++) {
      await writeAudit(db, { actor: { id: null, label: "test" }, action, entity: "Test", entityId: String(i) });
    }
    const seen: string[] = [];
    let before: bigint | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const page = await listAuditPage(admin, { action, before }, 2);
      seen.push(...page.rows.map((r) => r.entityId!));
      if (!page.nextBefore) break;
      before = BigInt(page.nextBefore);
    }
    expect(seen).toEqual(["4", "3", "2", "1", "0"]);
    expect(await listAuditActions(admin)).toContain(action);
    expect((await listAuditPage(staffStub({ role: "CLERK" }), { action })).rows).toEqual([]);
  });

  it("finds a person's records by PIN, and filters by time", async () => {
    const person = await createPerson();
    const policy = await createPolicy(person.id, { validFrom: "2026-01-01", validTo: "2026-12-31" });
    const action = `test.person.${randomUUID().slice(0, 8)}`;
    const actor = { id: null, label: "test" };
    await writeAudit(db, { actor, action, entity: "Person", entityId: person.id });
    await writeAudit(db, { actor, action, entity: "Policy", entityId: policy.id });
    await writeAudit(db, { actor, action, entity: "Policy", entityId: randomUUID() });
    const found = await findAuditRecordIdsByPin(person.pin!);
    const page = await listAuditPage(admin, { action, entityIds: found!.recordIds });
    expect(page.rows.map((r) => r.entity).sort()).toEqual(["Person", "Policy"]);
    expect((await listAuditPage(admin, { action, from: new Date(Date.now() + 60_000) })).rows).toEqual([]);
    expect((await listAuditPage(admin, { action, to: new Date(Date.now() + 60_000) })).rows).toHaveLength(3);
  });
});
