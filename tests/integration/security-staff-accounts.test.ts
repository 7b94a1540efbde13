import type { JWT } from "next-auth/jwt";
import { TOTP } from "otpauth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { isBreachedPassword } from "../../lib/auth/breached-passwords";
import { newTotpSecret, secondFactorRequired } from "../../lib/auth/second-factor";
import { createStaffUser, enrolSecondFactor, signOutEverywhere } from "../../lib/users/mutations";
import { authOptions } from "../../lib/web/auth-options";
import { sessionIdleSeconds } from "../../lib/web/session-idle";

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session.current,
}));
const { getStaffUser, staffSessionState } = await import("../../lib/web/session");

type Authorize = (c: Record<string, string>, req: unknown) => Promise<{ id: string; sessionVersion: number } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const ADMIN = { id: null, label: "test-admin" };
const PASSWORD = "long-enough-passphrase-7";
const req = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
const signedIn = (id: string, sessionVersion = 0, lastSeen = Date.now(), signedInAt = Date.now() - 60_000) => {
  session.current = { user: { id }, sessionVersion, lastSeen, signedInAt, expires: "" };
};

describe("hole 10: staff accounts", () => {
  let officerId: string;
  const secret = newTotpSecret();
  /** The code of the step `offset` steps from now: a code is single-use, so each sign-in takes a later step. */
  const codeAt = (offset: number, key = secret) =>
    new TOTP({ secret: key }).generate({ timestamp: Date.now() + offset * 30_000 });

  beforeAll(async () => {
    const officer = await createStaffUser(ADMIN, {
      login: "t.refunds",
      fullName: "Тест Возвраты",
      role: "REFUND_OFFICER",
      password: PASSWORD,
    });
    officerId = officer.id;
  });

  it("password rules: too short or on the breached list is refused, and nothing is created", async () => {
    expect(isBreachedPassword("Password2024!")).toBe(true);
    expect(isBreachedPassword(PASSWORD)).toBe(false);
    const before = await db.user.count();
    for (const password of ["qwertyuiop123", "Password2024!", "short-pw-1"]) {
      await expect(
        createStaffUser(ADMIN, { login: `t.pw${password.length}`, fullName: "Пароль Тестов", role: "ADMIN", password }),
      ).rejects.toSatisfy((e: unknown) => /passwordBreached|passwordTooShort/.test(JSON.stringify(e) + String(e)));
    }
    expect(await db.user.count()).toBe(before);
  });

  it("a refund officer without a second factor can do nothing but enrol (TOTP required for the role)", async () => {
    expect(secondFactorRequired("REFUND_OFFICER")).toBe(true);
    expect(secondFactorRequired("ADMIN")).toBe(true);
    expect(secondFactorRequired("CLERK")).toBe(false);
    const user = await authorize({ login: "t.refunds", password: PASSWORD }, req("192.0.2.10"));
    signedIn(user!.id, user!.sessionVersion);
    expect(await getStaffUser()).toBeNull();
    expect((await staffSessionState()).kind).toBe("enrol");
  });

  it("enrolment needs a right code; then sign-in asks for the code and checks it; recovery codes work once", async () => {
    await expect(enrolSecondFactor(ADMIN, officerId, secret, "000000")).rejects.toThrow(/totpInvalid/);
    const recovery = await enrolSecondFactor({ id: officerId, label: "t.refunds" }, officerId, secret, codeAt(-1));
    expect(recovery).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: officerId } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.recoveryCodeHashes).not.toContain(recovery[0]);
    // a second enrolment (another authenticator, from the session alone) is refused and changes nothing
    const other = newTotpSecret();
    await expect(enrolSecondFactor(ADMIN, officerId, other, codeAt(0, other))).rejects.toThrow(/totpAlreadyEnrolled/);
    expect(await db.user.findUniqueOrThrow({ where: { id: officerId } })).toMatchObject({
      totpSecret: stored.totpSecret,
      recoveryCodeHashes: stored.recoveryCodeHashes,
    });

    await expect(authorize({ login: "t.refunds", password: PASSWORD }, req("192.0.2.11"))).rejects.toThrow(
      "totp_required",
    );
    await expect(
      authorize({ login: "t.refunds", password: PASSWORD, code: "123456" }, req("192.0.2.11")),
    ).rejects.toThrow("totp_invalid");
    const ok = await authorize({ login: "t.refunds", password: PASSWORD, code: codeAt(0) }, req("192.0.2.11"));
    expect(ok?.id).toBe(officerId);
    expect(
      await authorize({ login: "t.refunds", password: PASSWORD, code: recovery[0]! }, req("192.0.2.12")),
    ).not.toBeNull();
    await expect(
      authorize({ login: "t.refunds", password: PASSWORD, code: recovery[0]! }, req("192.0.2.13")),
    ).rejects.toThrow("totp_invalid");
    signedIn(officerId, ok!.sessionVersion);
    expect((await getStaffUser())?.id).toBe(officerId);
    const audits = (await db.auditLog.findMany({ where: { entityId: officerId } })).map((r) => r.action);
    expect(audits).toEqual(
      expect.arrayContaining(["user.second_factor_enrol", "auth.second_factor_failed", "auth.recovery_code_used"]),
    );
    const rows = await db.auditLog.findMany({ where: { entityId: officerId }, select: { before: true, after: true } });
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it("a session idle longer than STAFF_SESSION_IDLE_MINUTES is over", async () => {
    vi.stubEnv("STAFF_SESSION_IDLE_MINUTES", "10");
    expect(sessionIdleSeconds()).toBe(600);
    signedIn(officerId, 0, Date.now() - 11 * 60 * 1000);
    expect(await getStaffUser()).toBeNull();
    signedIn(officerId, 0, Date.now() - 9 * 60 * 1000);
    expect(await getStaffUser()).not.toBeNull();
    vi.unstubAllEnvs();
  });

  it("a session signed in more than 8 hours ago is over, however active (renewals move the cookie's expiry)", async () => {
    const hours = (h: number) => Date.now() - h * 3600_000;
    signedIn(officerId, 0, Date.now(), hours(7.9));
    expect(await getStaffUser()).not.toBeNull();
    signedIn(officerId, 0, Date.now(), hours(8.1));
    expect(await getStaffUser()).toBeNull();
    signedIn(officerId, 0, Date.now(), 0); // a token from before the limit was kept: over
    expect(await getStaffUser()).toBeNull();
  });

  it("the sign-in time is set once, at sign-in, and kept through the proxy's renewals", async () => {
    const jwt = authOptions.callbacks!.jwt! as unknown as (a: { token: object; user?: object }) => Promise<JWT>;
    const token = await jwt({ token: {}, user: { id: officerId, login: "t", role: "CLERK", sessionVersion: 0 } });
    expect(token.signedInAt).toBe(token.lastSeen);
    const later = await jwt({ token: { ...token, lastSeen: Date.now() + 60_000 } });
    expect(later.signedInAt).toBe(token.signedInAt);
    const toSession = authOptions.callbacks!.session! as unknown as (a: { session: object; token: JWT }) => Promise<{
      signedInAt: number;
    }>;
    expect((await toSession({ session: {}, token: later })).signedInAt).toBe(token.signedInAt);
  });

  it('"sign out everywhere" ends every session issued before it, audited', async () => {
    signedIn(officerId, 0);
    expect(await getStaffUser()).not.toBeNull();
    await signOutEverywhere({ id: officerId, label: "t.refunds" }, officerId);
    expect(await getStaffUser()).toBeNull();
    const fresh = await authorize({ login: "t.refunds", password: PASSWORD, code: codeAt(1) }, req("192.0.2.14"));
    expect(fresh?.sessionVersion).toBe(1);
    signedIn(officerId, 1);
    expect(await getStaffUser()).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.sign_out_everywhere", entityId: officerId } })).toBe(1);
  });

  it("TOTP codes are single-use within their window: a replayed or older code is refused, audited", async () => {
    const key = newTotpSecret();
    const admin = await createStaffUser(ADMIN, {
      login: "t.totp-once",
      fullName: "Тест Код",
      role: "ADMIN",
      password: PASSWORD,
    });
    const enrolCode = codeAt(-1, key);
    await enrolSecondFactor({ id: admin.id, label: "t.totp-once" }, admin.id, key, enrolCode);
    // the enrolment code is spent too
    await expect(
      authorize({ login: "t.totp-once", password: PASSWORD, code: enrolCode }, req("192.0.2.20")),
    ).rejects.toThrow("totp_invalid");
    const code = codeAt(0, key);
    expect(await authorize({ login: "t.totp-once", password: PASSWORD, code }, req("192.0.2.21"))).not.toBeNull();
    await expect(authorize({ login: "t.totp-once", password: PASSWORD, code }, req("192.0.2.22"))).rejects.toThrow(
      "totp_invalid",
    );
    expect(await db.auditLog.count({ where: { action: "auth.totp_replayed", entityId: admin.id } })).toBeGreaterThan(0);
    expect(
      await authorize({ login: "t.totp-once", password: PASSWORD, code: codeAt(1, key) }, req("192.0.2.23")),
    ).not.toBeNull();
  });
});
