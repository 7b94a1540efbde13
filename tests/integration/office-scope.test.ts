import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { findClinicPolicies, findOfficeJournal, findOfficePolicy } from "../../lib/policies/queries";
import { createPerson, createPolicy } from "../support/factories";

/** A real clerk's account (an audited refusal names its actor, a foreign key to the account). */
async function clerkOf(code: string): Promise<StaffUser> {
  const office = await db.territorialOffice.findUniqueOrThrow({ where: { code } });
  const login = `clerk.scope.${code}`;
  const user = await db.user.upsert({
    where: { login },
    create: { login, fullName: "Клерк", role: "CLERK", passwordHash: "x", officeId: office.id },
    update: {},
  });
  return {
    id: user.id,
    login,
    fullName: "Клерк",
    role: "CLERK",
    officeId: office.id,
    healthOrganizationId: null,
  };
}

describe("a clerk sees only their own office's records (cl. 12.3; STYLE §4 scope in the where)", () => {
  let bishkekPolicyId: string;
  let oshPolicyId: string;

  beforeAll(async () => {
    const a = await createPerson();
    const b = await createPerson();
    bishkekPolicyId = (
      await createPolicy(a.id, { validFrom: "2025-01-01", validTo: "2025-12-31", officeCode: "BISHKEK" })
    ).id;
    oshPolicyId = (await createPolicy(b.id, { validFrom: "2025-01-01", validTo: "2025-12-31", officeCode: "OSH" })).id;
  });

  it("lists only the clerk's office in the journal", async () => {
    const bishkek = await findOfficeJournal(await clerkOf("BISHKEK"));
    expect(bishkek.rows.map((r) => r.id)).toContain(bishkekPolicyId);
    expect(bishkek.rows.map((r) => r.id)).not.toContain(oshPolicyId);
    expect(bishkek.total).toBe(bishkek.rows.length);
  });

  it("opens its own record and answers 'not found' for another office's record", async () => {
    const osh = await clerkOf("OSH");
    expect((await findOfficePolicy(osh, oshPolicyId))?.id).toBe(oshPolicyId);
    expect(await findOfficePolicy(osh, bishkekPolicyId)).toBeNull();
    // the attempt is audited (issue 12: another office's record by URL)
    expect(
      await db.auditLog.count({
        where: {
          actorId: osh.id,
          action: "access.denied",
          after: { path: ["target"], equals: `Policy:${bishkekPolicyId}` },
        },
      }),
    ).toBe(1);
    expect(await findOfficePolicy(osh, "not-a-uuid")).toBeNull();
  });

  it("gives other roles nothing from the office queries", async () => {
    const admin: StaffUser = {
      id: "00000000-0000-0000-0000-000000000002",
      login: "a",
      fullName: "A",
      role: "ADMIN",
      officeId: null,
      healthOrganizationId: null,
    };
    expect((await findOfficeJournal(admin)).rows).toEqual([]);
    expect(await findOfficePolicy(admin, bishkekPolicyId)).toBeNull();
    expect(await findClinicPolicies(admin)).toEqual([]);
  });
});
