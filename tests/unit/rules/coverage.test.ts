import { describe, expect, it } from "vitest";
import {
  currentPolicyEnd,
  insuredStatusOn,
  isInsuredElsewhereOn,
  type CoverageInput,
  type PolicyStatus,
} from "@/lib/rules";

const policy = (number: string, validFrom: string | null, validTo: string | null, status: PolicyStatus = "ISSUED") => ({
  number,
  status,
  validFrom,
  validTo,
});
const NONE: CoverageInput = { policies: [], external: [] };
const ONE: CoverageInput = { policies: [policy("P-1", "2024-03-15", "2025-03-14")], external: [] };

describe("insured on date D (cl. 8, 12.2, 19, 23; SPEC §3)", () => {
  it.each([
    { clause: "cl. 8", input: NONE, on: "2024-03-15", insured: false, number: null, why: "no coverage at all" },
    {
      clause: "cl. 5, 8",
      input: ONE,
      on: "2024-03-14",
      insured: false,
      number: null,
      why: "the day before the policy takes effect",
    },
    { clause: "cl. 5, 8", input: ONE, on: "2024-03-15", insured: true, number: "P-1", why: "the effective day" },
    { clause: "cl. 8", input: ONE, on: "2025-03-14", insured: true, number: "P-1", why: "the last day" },
    { clause: "cl. 8", input: ONE, on: "2025-03-15", insured: false, number: null, why: "the day after it ends" },
  ])("$clause: $why ($on) → insured $insured", ({ input, on, insured, number }) => {
    const status = insuredStatusOn(input, on);
    expect(status.insured).toBe(insured);
    expect(status.on).toBe(on);
    expect(status.coverage?.policyNumber ?? null).toBe(number);
  });

  it.each(["PENDING", "REFUNDED", "REISSUED", "CANCELLED"] as const)("SPEC §6: a %s policy covers nobody", (status) => {
    const input: CoverageInput = { policies: [policy("P-1", "2024-03-15", "2025-03-14", status)], external: [] };
    expect(insuredStatusOn(input, "2024-06-01")).toEqual({
      insured: false,
      on: "2024-06-01",
      coverage: null,
      next: null,
    });
  });

  it("SPEC §3: an ISSUED row without a valid period covers nobody (bad data is not coverage)", () => {
    const input: CoverageInput = {
      policies: [
        policy("P-1", null, null),
        policy("P-2", "2025-03-14", "2024-03-15"),
        policy("P-3", "2024-02-30", "2025-01-01"),
      ],
      external: [{ validFrom: "2024-12-01", validTo: "2024-01-01" }],
    };
    expect(insuredStatusOn(input, "2024-06-01").insured).toBe(false);
  });

  it("cl. 12.2, 19: external coverage (employment contributions) makes the person insured", () => {
    const input: CoverageInput = {
      policies: [],
      external: [{ validFrom: "2024-01-01", validTo: "2024-12-31", source: "EMPLOYMENT" }],
    };
    expect(insuredStatusOn(input, "2024-06-01")).toEqual({
      insured: true,
      on: "2024-06-01",
      coverage: {
        source: "external",
        policyNumber: null,
        externalSource: "EMPLOYMENT",
        validFrom: "2024-01-01",
        validTo: "2024-12-31",
      },
      next: null,
    });
    expect(isInsuredElsewhereOn(input, "2024-06-01")).toBe(true);
    expect(isInsuredElsewhereOn(input, "2025-01-01")).toBe(false);
  });

  it("cl. 12.2: external coverage without a source reports externalSource null", () => {
    const input: CoverageInput = { policies: [], external: [{ validFrom: "2024-01-01", validTo: "2024-12-31" }] };
    expect(insuredStatusOn(input, "2024-06-01").coverage?.externalSource).toBeNull();
  });

  it("cl. 5: a paid policy not yet in force is reported as next, the earliest first", () => {
    const input: CoverageInput = {
      policies: [
        policy("P-9", "2026-03-15", "2027-03-14"),
        policy("P-2", "2025-03-15", "2026-03-14"),
        ONE.policies[0]!,
      ],
      external: [],
    };
    expect(insuredStatusOn(input, "2024-03-12")).toEqual({
      insured: false,
      on: "2024-03-12",
      coverage: null,
      next: { policyNumber: "P-1", validFrom: "2024-03-15", validTo: "2025-03-14" },
    });
    expect(insuredStatusOn(input, "2024-06-01").next).toEqual({
      policyNumber: "P-2",
      validFrom: "2025-03-15",
      validTo: "2026-03-14",
    });
  });

  it("cl. 5: a refunded future policy is not next", () => {
    const input: CoverageInput = { policies: [policy("P-1", "2024-03-15", "2025-03-14", "REFUNDED")], external: [] };
    expect(insuredStatusOn(input, "2024-03-12").next).toBeNull();
  });

  // Tie-breaking: the latest validTo; then a policy before external coverage; then the earlier start; then the number.
  it.each([
    {
      clause: "cl. 8 (tie-break: latest end)",
      input: {
        policies: [policy("P-1", "2024-03-15", "2025-03-14")],
        external: [{ validFrom: "2024-01-01", validTo: "2025-12-31" }],
      },
      expected: { source: "external", validTo: "2025-12-31" },
    },
    {
      clause: "cl. 8 (tie-break: policy before external on the same end)",
      input: {
        policies: [policy("P-1", "2024-03-15", "2025-03-14")],
        external: [{ validFrom: "2024-01-01", validTo: "2025-03-14" }],
      },
      expected: { source: "policy", policyNumber: "P-1" },
    },
    {
      clause: "cl. 8 (tie-break: earlier start)",
      input: {
        policies: [policy("P-2", "2024-04-15", "2025-03-14"), policy("P-3", "2024-03-15", "2025-03-14")],
        external: [],
      },
      expected: { policyNumber: "P-3" },
    },
    {
      clause: "cl. 8 (tie-break: smaller number)",
      input: {
        policies: [policy("P-2", "2024-03-15", "2025-03-14"), policy("P-1", "2024-03-15", "2025-03-14")],
        external: [],
      },
      expected: { policyNumber: "P-1" },
    },
    {
      clause: "cl. 8 (tie-break: external by source name)",
      input: {
        policies: [],
        external: [
          { validFrom: "2024-01-01", validTo: "2024-12-31", source: "STATE" as const },
          { validFrom: "2024-01-01", validTo: "2024-12-31", source: "EMPLOYMENT" as const },
        ],
      },
      expected: { externalSource: "EMPLOYMENT" },
    },
  ])("$clause", ({ input, expected }) => {
    expect(insuredStatusOn(input as CoverageInput, "2024-06-01").coverage).toMatchObject(expected);
    const reversed: CoverageInput = {
      policies: [...input.policies].reverse(),
      external: [...input.external].reverse(),
    };
    expect(insuredStatusOn(reversed, "2024-06-01")).toEqual(insuredStatusOn(input as CoverageInput, "2024-06-01"));
  });

  it("SPEC §3: the current policy end is the latest end of the own policies covering the day", () => {
    expect(currentPolicyEnd(NONE, "2024-06-01")).toBeNull();
    expect(currentPolicyEnd(ONE, "2024-06-01")).toBe("2025-03-14");
    const two: CoverageInput = {
      policies: [policy("A", "2024-01-01", "2025-06-30"), ONE.policies[0]!, policy("B", "2024-01-01", "2024-12-31")],
      external: [],
    };
    expect(currentPolicyEnd(two, "2024-06-01")).toBe("2025-06-30");
  });
});
