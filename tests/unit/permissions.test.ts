import { describe, expect, it } from "vitest";
import {
  canPrintPolicyOf,
  canViewFundDashboard,
  canViewRegistries,
  canViewOfficeRecords,
  hasPermission,
  PERMISSIONS,
  workspacePath,
  type PermissionName,
  type StaffUser,
} from "@/lib/auth/permissions";

const user = (role: string, officeId: number | null = null, healthOrganizationId: number | null = null) =>
  ({ id: "u", login: "u", fullName: "U", role, officeId, healthOrganizationId }) as StaffUser;

const clerk = user("CLERK", 1);
const doctor = user("DOCTOR", 1, 7);
const refunds = user("REFUND_OFFICER");
const admin = user("ADMIN");
const analyst = user("ANALYST");

// Each role has exactly its own workspace; every other cell must be false (refuse by default).
const MATRIX: [string, StaffUser | null, PermissionName[]][] = [
  [
    "clerk with an office",
    clerk,
    ["office.workspace", "people.statement", "payments.approve", "refund.prepare", "appeals.handle", "policies.print"],
  ],
  ["clerk without an office", user("CLERK", null), []],
  ["doctor with a health organization", doctor, ["clinic.workspace", "pregnancy.register", "policies.print"]],
  ["doctor without a health organization", user("DOCTOR", 1, null), []],
  [
    "Fund refund officer",
    refunds,
    [
      "fund.workspace",
      "refund.approve",
      "payments.reconcile",
      "people.statement",
      "payments.approve",
      "fund.dashboard",
      "fund.registries",
    ],
  ],
  [
    "admin",
    admin,
    ["users.manage", "reference.administer", "audit.view", "fund.dashboard", "fund.registries", "coverage.import"],
  ],
  ["Fund analyst (read-only)", analyst, ["fund.dashboard", "fund.registries"]],
  ["analyst with an office", user("ANALYST", 1), ["fund.dashboard", "fund.registries"]],
  ["unknown role", user("SUPERUSER"), []],
  ["empty role", user(""), []],
  ["no user", null, []],
];

describe("lib/auth/permissions: each role gets its own workspace and nothing else", () => {
  it.each(MATRIX)("%s", (_name, u, allowed) => {
    for (const p of Object.keys(PERMISSIONS) as PermissionName[]) {
      expect(hasPermission(u, p), p).toBe(allowed.includes(p));
    }
  });

  it.each([
    ["the analyst", analyst, true],
    ["a refund officer", refunds, true],
    ["an admin", admin, true],
    ["a clerk", clerk, false],
    ["a doctor", doctor, false],
    ["nobody", null, false],
  ] as const)("the Fund's dashboard and registries (issue 15): %s → %s", (_name, u, expected) => {
    expect(canViewFundDashboard(u)).toBe(expected);
    expect(canViewRegistries(u)).toBe(expected);
  });

  it("refuses a permission name it does not know", () => {
    expect(hasPermission(admin, "everything" as PermissionName)).toBe(false);
  });

  it.each([
    ["own office", clerk, 1, true],
    ["another office", clerk, 2, false],
    ["a record without an office", clerk, null, false],
    ["a doctor of the same office", doctor, 1, false],
    ["an admin", admin, 1, false],
  ] as const)("office records: %s", (_name, u, officeId, expected) => {
    expect(canViewOfficeRecords(u, officeId)).toBe(expected);
  });

  it.each([
    ["a clerk, own office", clerk, { officeId: 1, healthOrganizationId: 7 }, true],
    ["a clerk, another office", clerk, { officeId: 2, healthOrganizationId: null }, false],
    ["a doctor, own organization's pregnancy policy", doctor, { officeId: 1, healthOrganizationId: 7 }, true],
    ["a doctor, another organization's", doctor, { officeId: 1, healthOrganizationId: 8 }, false],
    ["a doctor, an office policy of their office", doctor, { officeId: 1, healthOrganizationId: null }, false],
    ["an admin", admin, { officeId: 1, healthOrganizationId: 7 }, false],
  ] as const)("printing a policy: %s", (_name, u, policy, expected) => {
    expect(canPrintPolicyOf(u, policy)).toBe(expected);
  });

  it.each([
    ["CLERK", "/staff/office"],
    ["DOCTOR", "/staff/clinic"],
    ["REFUND_OFFICER", "/staff/fund"],
    ["ADMIN", "/staff/admin"],
    ["ANALYST", "/staff/fund"],
    ["SUPERUSER", null],
    [undefined, null],
  ])("workspace of %s is %s", (role, path) => {
    expect(workspacePath(role)).toBe(path);
  });
});
