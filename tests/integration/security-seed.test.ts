import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { DemoSeedRefused, runSeed, seedPlan } from "../../prisma/seed";
import { DEMO_USERS } from "../../prisma/demo-data";

describe("hole 2: demo accounts on a real database", () => {
  it("db:seed without --demo seeds reference data and no account at all", async () => {
    await runSeed(db, [], "development");
    expect(await db.territorialOffice.count()).toBeGreaterThan(0);
    expect(await db.tariff.count()).toBeGreaterThan(0);
    expect(await db.healthOrganization.count()).toBeGreaterThan(0);
    expect(await db.user.count()).toBe(0);
    expect(await db.person.count()).toBe(0);
  });

  it("refuses --demo when NODE_ENV=production, with a message naming user:create, and creates nothing", async () => {
    expect(() => seedPlan(["--demo"], "production")).toThrow(DemoSeedRefused);
    expect(() => seedPlan(["--demo"], "production")).toThrow(/user:create/);
    await expect(runSeed(db, ["--demo"], "production")).rejects.toBeInstanceOf(DemoSeedRefused);
    expect(await db.user.count()).toBe(0);
  });

  it("production without --demo is allowed and still creates no account", async () => {
    await runSeed(db, [], "production");
    expect(await db.user.count()).toBe(0);
  });

  it("--demo in development creates the demo accounts (npm run dev keeps working)", async () => {
    await runSeed(db, ["--demo"], "development");
    const logins = (await db.user.findMany({ select: { login: true } })).map((u) => u.login).sort();
    expect(logins).toEqual(DEMO_USERS.map((u) => u.login).sort());
  });
});
