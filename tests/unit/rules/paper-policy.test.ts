import { describe, expect, it } from "vitest";
import {
  NOT_COLLECTED_AFTER_DAYS,
  checkHandover,
  handoverStatus,
  isHandoverStatus,
  lastDayStillMade,
  policyValidityOn,
  type HandoverInput,
} from "@/lib/rules";

describe("handoverStatus (cl. 16; I35: not collected after 30 days)", () => {
  it.each([
    { madeOn: "2026-11-01", handedOn: "2026-11-02", today: "2027-01-01", want: "HANDED_OVER" },
    { madeOn: "2026-11-01", handedOn: null, today: "2026-11-01", want: "MADE" },
    { madeOn: "2026-11-01", handedOn: null, today: "2026-12-01", want: "MADE" }, // day 30: still waiting
    { madeOn: "2026-11-01", handedOn: null, today: "2026-12-02", want: "NOT_COLLECTED" }, // day 31
  ] as const)("made $madeOn, handed $handedOn, today $today → $want", ({ madeOn, handedOn, today, want }) => {
    expect(handoverStatus(madeOn, handedOn, today)).toBe(want);
  });

  it("lastDayStillMade is the bound the journal's query uses, consistent with handoverStatus", () => {
    expect(NOT_COLLECTED_AFTER_DAYS).toBe(30);
    const today = "2026-12-02";
    const bound = lastDayStillMade(today);
    expect(bound).toBe("2026-11-02");
    expect(handoverStatus(bound, null, today)).toBe("MADE");
    expect(handoverStatus("2026-11-01", null, today)).toBe("NOT_COLLECTED");
  });

  it.each([
    ["MADE", true],
    ["HANDED_OVER", true],
    ["NOT_COLLECTED", true],
    ["made", false],
    [3, false],
  ] as const)("isHandoverStatus(%s) = %s", (s, ok) => {
    expect(isHandoverStatus(s)).toBe(ok);
  });
});

describe("checkHandover (cl. 16, 32–34)", () => {
  const ok: HandoverInput = {
    policyStatus: "ISSUED",
    madeOn: "2026-11-30",
    handedOn: "2026-12-01",
    today: "2026-12-01",
    alreadyHandedOver: false,
  };
  it.each([
    { name: "an issued policy, today", over: {}, want: [] },
    { name: "on the day it was made", over: { handedOn: "2026-11-30" }, want: [] },
    { name: "a refunded policy", over: { policyStatus: "REFUNDED" }, want: ["NOT_ISSUED"] },
    { name: "a re-issued policy", over: { policyStatus: "REISSUED" }, want: ["NOT_ISSUED"] },
    { name: "an unpaid order", over: { policyStatus: "PENDING" }, want: ["NOT_ISSUED"] },
    { name: "a second time", over: { alreadyHandedOver: true }, want: ["ALREADY_HANDED_OVER"] },
    { name: "tomorrow", over: { handedOn: "2026-12-02" }, want: ["IN_FUTURE"] },
    { name: "before it was made", over: { handedOn: "2026-11-29" }, want: ["BEFORE_MADE"] },
    {
      name: "everything wrong at once",
      over: { policyStatus: "CANCELLED", alreadyHandedOver: true, madeOn: "2026-12-05", handedOn: "2026-12-03" },
      want: ["NOT_ISSUED", "ALREADY_HANDED_OVER", "IN_FUTURE", "BEFORE_MADE"],
    },
  ] as const)("$name → $want", ({ over, want }) => {
    expect(checkHandover({ ...ok, ...over })).toEqual(want);
  });
});

describe("policyValidityOn (cl. 5, 8, 32–34): what the verification page says", () => {
  const p = { status: "ISSUED" as const, validFrom: "2026-03-15", validTo: "2027-03-14" };
  it.each([
    { name: "before the 5-day delay ends", over: {}, today: "2026-03-14", want: "NOT_YET" },
    { name: "on the first day", over: {}, today: "2026-03-15", want: "VALID" },
    { name: "on the last day", over: {}, today: "2027-03-14", want: "VALID" },
    { name: "the day after", over: {}, today: "2027-03-15", want: "EXPIRED" },
    { name: "refunded", over: { status: "REFUNDED" }, today: "2026-06-01", want: "ENDED" },
    { name: "re-issued", over: { status: "REISSUED" }, today: "2026-06-01", want: "ENDED" },
    {
      name: "unpaid, no dates",
      over: { status: "PENDING", validFrom: null, validTo: null },
      today: "2026-06-01",
      want: "ENDED",
    },
  ] as const)("$name → $want", ({ over, today, want }) => {
    expect(policyValidityOn({ ...p, ...over }, today)).toBe(want);
  });
});
