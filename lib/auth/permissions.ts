/**
 * Who may do what — the one place to look. Every check is a named function that refuses by default: an unknown
 * role, a blocked account or a missing office gets nothing. Pages call `requirePermission`, server actions go
 * through `serverAction` (lib/web/action.ts), and both end here.
 */
/** The staff roles — the one list (forms, the role filter, labels under `staff.roles.*`): a new role is one line here. */
export const STAFF_ROLES = ["CLERK", "DOCTOR", "REFUND_OFFICER", "ADMIN", "ANALYST"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Where a role works, so an account of it must name one: a clerk a ТУ (cl. 10–16), a family doctor a health
 * organization (cl. 24–26); every other role works for the Fund as a whole.
 */
export function placeOfRole(role: StaffRole): "office" | "healthOrganization" | null {
  switch (role) {
    case "CLERK":
      return "office";
    case "DOCTOR":
      return "healthOrganization";
    default:
      return null;
  }
}

export type StaffUser = {
  id: string;
  login: string;
  fullName: string;
  role: StaffRole;
  officeId: number | null;
  healthOrganizationId: number | null;
};

const isRole = (user: StaffUser | null | undefined, role: StaffRole): user is StaffUser => user?.role === role;

/** Territorial-office clerk: the office workspace (cl. 10–16, 29–31), including cash-desk receipts (cl. 17). */
export function canUseOfficeWorkspace(user: StaffUser | null | undefined): boolean {
  return isRole(user, "CLERK") && user.officeId !== null;
}

/** A clerk sees the records of their own office only (cl. 12.3: personal data stays confidential). */
export function canViewOfficeRecords(user: StaffUser | null | undefined, officeId: number | null): boolean {
  return canUseOfficeWorkspace(user) && officeId !== null && user!.officeId === officeId;
}

/** Family doctor of a contracted health organization: the clinic workspace (cl. 24–27). */
export function canUseClinicWorkspace(user: StaffUser | null | undefined): boolean {
  return isRole(user, "DOCTOR") && user.healthOrganizationId !== null;
}

/** A family doctor takes women of their own health organization onto the pregnancy register (cl. 24–27). */
export function canRegisterPregnancy(user: StaffUser | null | undefined): boolean {
  return canUseClinicWorkspace(user);
}

/**
 * The paper policy (cl. 15–16): a clerk prints their office's policies; a family doctor prints the free pregnancy
 * policies of their own health organization (issue 13). Which policy is theirs: `canPrintPolicyOf`.
 */
function canPrintPolicies(user: StaffUser | null | undefined): boolean {
  return canUseOfficeWorkspace(user) || canUseClinicWorkspace(user);
}

export function canPrintPolicyOf(
  user: StaffUser | null | undefined,
  policy: { officeId: number | null; healthOrganizationId: number | null },
): boolean {
  if (canUseOfficeWorkspace(user)) return canViewOfficeRecords(user, policy.officeId);
  return (
    canUseClinicWorkspace(user) &&
    policy.healthOrganizationId !== null &&
    user!.healthOrganizationId === policy.healthOrganizationId
  );
}

/** Fund, Budget Planning Department: refunds and sales monitoring (cl. 32; order on cost 3.3). */
function canUseFundWorkspace(user: StaffUser | null | undefined): boolean {
  return isRole(user, "REFUND_OFFICER");
}

/**
 * The Fund's refund officer decides refund cases and records the treasury transfer (cl. 32, 35) — never a case they
 * prepared themselves: `canDecideRefundCase` says so here, and the database refuses it too (RefundCase trigger).
 */
export function canApproveRefund(user: StaffUser | null | undefined): boolean {
  return isRole(user, "REFUND_OFFICER");
}

export function canDecideRefundCase(
  user: StaffUser | null | undefined,
  refundCase: { preparedById: string | null },
): boolean {
  return canApproveRefund(user) && refundCase.preparedById !== user!.id;
}

/** A ТУ clerk prepares refund cases and re-issues (cl. 32–34) for claims made at their office. */
export function canPrepareRefund(user: StaffUser | null | undefined): boolean {
  return canUseOfficeWorkspace(user);
}

/** Appeals (cl. 36–37): a ТУ clerk registers and answers the appeals addressed to their office. */
export function canHandleAppeals(user: StaffUser | null | undefined): boolean {
  return canUseOfficeWorkspace(user);
}

/** Fund staff match the payment systems' daily registries against recorded payments (issue #5). */
export function canReconcilePayments(user: StaffUser | null | undefined): boolean {
  return isRole(user, "REFUND_OFFICER");
}

/**
 * A late-dated cash receipt or registry row (issue 11, hole 4) needs a second person: a clerk decides their office's
 * receipts, a Fund officer the registry rows — never their own request (lib/payments/approvals).
 */
function canDecideLatePayments(user: StaffUser | null | undefined): boolean {
  return canUseOfficeWorkspace(user) || canReconcilePayments(user);
}

/**
 * A person's payment statement (every payment, period, payer, refund, status): the clerk who checks status before a
 * sale or a refund letter (cl. 12, 33) and the Fund's refund officers. Viewing it is logged.
 */
export function canViewPaymentStatement(user: StaffUser | null | undefined): boolean {
  return canUseOfficeWorkspace(user) || isRole(user, "REFUND_OFFICER");
}

/**
 * The Fund's view (order on cost 3.3; issue 15): the monitoring dashboard and its CSV — the Fund's analyst (read-only),
 * its refund officers and its administrators. National scope: these figures have no office of their own.
 */
export function canViewFundDashboard(user: StaffUser | null | undefined): boolean {
  return isRole(user, "ANALYST") || isRole(user, "REFUND_OFFICER") || isRole(user, "ADMIN");
}

/**
 * The national registries of persons, policies and payments (issue 15): the same people. Lists show PINs masked; the
 * record page shows the full PIN and its every opening is audited.
 */
export function canViewRegistries(user: StaffUser | null | undefined): boolean {
  return canViewFundDashboard(user);
}

/** Fund administrator: staff accounts and the audit log. */
export function canManageUsers(user: StaffUser | null | undefined): boolean {
  return isRole(user, "ADMIN");
}

/**
 * Fund administrator: the data that drives the rules (issue 15) — tariffs, states with an education agreement,
 * territorial offices and health organizations, the working-day calendar. Every change is audited with before/after.
 */
export function canAdministerReferenceData(user: StaffUser | null | undefined): boolean {
  return isRole(user, "ADMIN");
}

export function canViewAuditLog(user: StaffUser | null | undefined): boolean {
  return isRole(user, "ADMIN");
}

/** Fund administrator: the external-coverage registry (issue 15) — the files that make persons "already insured". */
export function canImportExternalCoverage(user: StaffUser | null | undefined): boolean {
  return isRole(user, "ADMIN");
}

/** Permissions by name, for the page guard and the action wrapper (which log refusals under this name). */
export const PERMISSIONS = {
  "office.workspace": canUseOfficeWorkspace,
  "clinic.workspace": canUseClinicWorkspace,
  "pregnancy.register": canRegisterPregnancy,
  "policies.print": canPrintPolicies,
  "fund.workspace": canUseFundWorkspace,
  "refund.approve": canApproveRefund,
  "refund.prepare": canPrepareRefund,
  "appeals.handle": canHandleAppeals,
  "payments.reconcile": canReconcilePayments,
  "payments.approve": canDecideLatePayments,
  "people.statement": canViewPaymentStatement,
  "users.manage": canManageUsers,
  "reference.administer": canAdministerReferenceData,
  "audit.view": canViewAuditLog,
  "fund.dashboard": canViewFundDashboard,
  "fund.registries": canViewRegistries,
  "coverage.import": canImportExternalCoverage,
} as const satisfies Record<string, (user: StaffUser | null | undefined) => boolean>;

export type PermissionName = keyof typeof PERMISSIONS;

export function hasPermission(user: StaffUser | null | undefined, permission: PermissionName): boolean {
  const check: ((u: StaffUser | null | undefined) => boolean) | undefined = PERMISSIONS[permission];
  return check ? check(user) : false;
}

/** Where each role lands after sign-in; null for anything unknown. */
export function workspacePath(role: string | null | undefined): string | null {
  switch (role) {
    case "CLERK":
      return "/staff/office";
    case "DOCTOR":
      return "/staff/clinic";
    case "REFUND_OFFICER":
      return "/staff/fund";
    case "ADMIN":
      return "/staff/admin";
    case "ANALYST":
      return "/staff/fund";
    default:
      return null;
  }
}
