import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "../../lib/web/auth-options";
import { db } from "../../lib/db";
import { createStaffUser, setStaffUserActive } from "../../lib/users/mutations";

const ADMIN = { id: null, label: "test-admin" };

type Authorize = (
  c: Record<string, string>,
  req: unknown,
) => Promise<{ id: string; role: string; officeId: number | null } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

async function auditRows(action: string, entityId?: string) {
  return db.auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: "asc" } });
}

describe("staff accounts: every change is audited, sign-in is checked", () => {
  let clerkId: string;

  beforeAll(async () => {
    const clerk = await createStaffUser(ADMIN, {
      login: "t.clerk",
      fullName: "Тест Клерк",
      role: "CLERK",
      officeCode: "NARYN",
      password: "correct-horse-1",
    });
    clerkId = clerk.id;
  });

  it("creates a clerk bound to their office, hashes the password, and writes an audit row without it", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: clerkId }, include: { office: true } });
    expect(user.office?.code).toBe("NARYN");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const [row] = await auditRows("user.create", clerkId);
    expect(row).toMatchObject({ actorLabel: "test-admin", entity: "User" });
    expect(row!.after).toMatchObject({ login: "t.clerk", role: "CLERK" });
    expect(JSON.stringify(row!.after)).not.toContain("argon2");
  });

  it("binds a doctor to a health organization and its office", async () => {
    const doctor = await createStaffUser(ADMIN, {
      login: "t.doctor",
      fullName: "Тест Врач",
      role: "DOCTOR",
      healthOrganizationCode: "CFM_OSH_CITY",
      password: "correct-horse-1",
    });
    const osh = await db.territorialOffice.findUniqueOrThrow({ where: { code: "OSH" } });
    expect(doctor.officeId).toBe(osh.id);
    expect(doctor.healthOrganizationId).not.toBeNull();
  });

  it.each([
    [
      "a taken login",
      { login: "t.clerk", fullName: "Другой", role: "ADMIN", password: "correct-horse-1" },
      "errors.loginTaken",
    ],
    [
      "a clerk without an office",
      { login: "t.nooffice", fullName: "Без ТУ", role: "CLERK", password: "correct-horse-1" },
      "errors.officeRequired",
    ],
    [
      "an unknown office",
      { login: "t.badoffice", fullName: "Плохой ТУ", role: "CLERK", officeCode: "MARS", password: "correct-horse-1" },
      "errors.officeUnknown",
    ],
    [
      "a short password",
      { login: "t.short", fullName: "Короткий", role: "ADMIN", password: "short" },
      "errors.passwordTooShort",
    ],
  ] as const)("refuses %s and changes nothing", async (_name, input, code) => {
    const [users, audits] = [await db.user.count(), await db.auditLog.count()];
    await expect(createStaffUser(ADMIN, input)).rejects.toSatisfy(
      (e: unknown) => JSON.stringify(e).includes(code) || (e as Error).message.includes(code),
    );
    expect(await db.user.count()).toBe(users);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("signs in with the right password, carrying role and office, and audits it", async () => {
    const user = await authorize({ login: "T.Clerk ", password: "correct-horse-1" }, {});
    expect(user).toMatchObject({ id: clerkId, role: "CLERK" });
    expect(user!.officeId).not.toBeNull();
    expect(await auditRows("auth.sign_in", clerkId)).toHaveLength(1);
  });

  it("refuses a wrong password and an unknown login alike, and audits both", async () => {
    expect(await authorize({ login: "t.clerk", password: "wrong-password" }, {})).toBeNull();
    expect(await authorize({ login: "nobody.here", password: "wrong-password" }, {})).toBeNull();
    const failed = await auditRows("auth.sign_in_failed");
    expect(failed.map((r) => r.actorLabel)).toEqual(expect.arrayContaining(["login:t.clerk", "login:nobody.here"]));
  });

  it("blocks an account: audited with before/after, and sign-in is refused from then on", async () => {
    await setStaffUserActive(ADMIN, clerkId, false);
    const [row] = await auditRows("user.block", clerkId);
    expect(row!.before).toMatchObject({ active: true });
    expect(row!.after).toMatchObject({ active: false });
    expect(await authorize({ login: "t.clerk", password: "correct-horse-1" }, {})).toBeNull();
    expect(await auditRows("auth.sign_in_blocked", clerkId)).toHaveLength(1);
    await setStaffUserActive(ADMIN, clerkId, true);
    expect(await auditRows("user.unblock", clerkId)).toHaveLength(1);
  });
});
