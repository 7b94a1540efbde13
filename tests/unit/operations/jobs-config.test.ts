import { describe, expect, it } from "vitest";
import { jobsConfig, nextAttemptAfterFailure } from "../../../lib/jobs/config";

describe("housekeeping jobs' settings (issue 16)", () => {
  it("has defaults and reads the environment", () => {
    expect(jobsConfig({})).toEqual({
      orderPendingExpiryMinutes: 60,
      acquirerReconcileAfterMinutes: 5,
      outboxMaxAttempts: 6,
      outboxBackoffSeconds: 60,
      portalUrl: "http://localhost:3000",
    });
    const c = jobsConfig({
      ORDER_PENDING_EXPIRY_MINUTES: "30",
      ACQUIRER_RECONCILE_AFTER_MINUTES: "2",
      OUTBOX_MAX_ATTEMPTS: "3",
      OUTBOX_BACKOFF_SECONDS: "10",
      PORTAL_URL: "https://oms.example.kg/",
    });
    expect(c).toEqual({
      orderPendingExpiryMinutes: 30,
      acquirerReconcileAfterMinutes: 2,
      outboxMaxAttempts: 3,
      outboxBackoffSeconds: 10,
      portalUrl: "https://oms.example.kg",
    });
  });

  it.each(["0", "-5", "1.5", "soon"])("refuses %s as a number of minutes", (v) => {
    expect(() => jobsConfig({ ORDER_PENDING_EXPIRY_MINUTES: v })).toThrow(/ORDER_PENDING_EXPIRY_MINUTES/);
  });

  it.each([
    [1, 60],
    [2, 120],
    [3, 240],
    [4, 480],
  ])("after failure %i the next attempt waits %i s", (attempts, seconds) => {
    const now = new Date("2026-03-10T06:00:00Z");
    const next = nextAttemptAfterFailure(attempts, now, { outboxMaxAttempts: 5, outboxBackoffSeconds: 60 });
    expect(next!.getTime() - now.getTime()).toBe(seconds * 1000);
  });

  it("gives up after the last allowed attempt", () => {
    const cfg = { outboxMaxAttempts: 3, outboxBackoffSeconds: 60 };
    expect(nextAttemptAfterFailure(3, new Date(), cfg)).toBeNull();
    expect(nextAttemptAfterFailure(4, new Date(), cfg)).toBeNull();
  });
});
