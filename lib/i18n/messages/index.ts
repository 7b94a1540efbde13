// Each JSON file is a namespace; both languages must have the same keys (tests/unit/i18n.test.ts).
import kyAdministration from "./ky/administration.json";
import kyAppeals from "./ky/appeals.json";
import kyAudit from "./ky/audit.json";
import kyCoverage from "./ky/coverage.json";
import kyApprovals from "./ky/approvals.json";
import kyAuth from "./ky/auth.json";
import kyBuy from "./ky/buy.json";
import kyClinic from "./ky/clinic.json";
import kyContracts from "./ky/contracts.json";
import kyCommon from "./ky/common.json";
import kyDashboard from "./ky/dashboard.json";
import kyDesk from "./ky/desk.json";
import kyErrors from "./ky/errors.json";
import kyFailure from "./ky/failure.json";
import kyNotifications from "./ky/notifications.json";
import kyPayments from "./ky/payments.json";
import kyPrint from "./ky/print.json";
import kyRefunds from "./ky/refunds.json";
import kyRegistries from "./ky/registries.json";
import kyRules from "./ky/rules.json";
import kySecurity from "./ky/security.json";
import kyStaff from "./ky/staff.json";
import kyStatus from "./ky/status.json";
import ruAdministration from "./ru/administration.json";
import ruAppeals from "./ru/appeals.json";
import ruAudit from "./ru/audit.json";
import ruCoverage from "./ru/coverage.json";
import ruApprovals from "./ru/approvals.json";
import ruAuth from "./ru/auth.json";
import ruBuy from "./ru/buy.json";
import ruClinic from "./ru/clinic.json";
import ruContracts from "./ru/contracts.json";
import ruCommon from "./ru/common.json";
import ruDashboard from "./ru/dashboard.json";
import ruDesk from "./ru/desk.json";
import ruErrors from "./ru/errors.json";
import ruFailure from "./ru/failure.json";
import ruNotifications from "./ru/notifications.json";
import ruPayments from "./ru/payments.json";
import ruPrint from "./ru/print.json";
import ruRefunds from "./ru/refunds.json";
import ruRegistries from "./ru/registries.json";
import ruRules from "./ru/rules.json";
import ruSecurity from "./ru/security.json";
import ruStaff from "./ru/staff.json";
import ruStatus from "./ru/status.json";
import type { Locale } from "../routing";

export const MESSAGES = {
  ru: {
    common: ruCommon,
    status: ruStatus,
    auth: ruAuth,
    staff: ruStaff,
    errors: ruErrors,
    failure: ruFailure,
    rules: ruRules,
    notifications: ruNotifications,
    buy: ruBuy,
    payments: ruPayments,
    clinic: ruClinic,
    desk: ruDesk,
    contracts: ruContracts,
    security: ruSecurity,
    refunds: ruRefunds,
    appeals: ruAppeals,
    approvals: ruApprovals,
    print: ruPrint,
    dashboard: ruDashboard,
    registries: ruRegistries,
    coverage: ruCoverage,
    audit: ruAudit,
    administration: ruAdministration,
  },
  ky: {
    common: kyCommon,
    status: kyStatus,
    auth: kyAuth,
    staff: kyStaff,
    errors: kyErrors,
    failure: kyFailure,
    rules: kyRules,
    notifications: kyNotifications,
    buy: kyBuy,
    payments: kyPayments,
    clinic: kyClinic,
    desk: kyDesk,
    contracts: kyContracts,
    security: kySecurity,
    refunds: kyRefunds,
    appeals: kyAppeals,
    approvals: kyApprovals,
    print: kyPrint,
    dashboard: kyDashboard,
    registries: kyRegistries,
    coverage: kyCoverage,
    audit: kyAudit,
    administration: kyAdministration,
  },
} as const satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["ru"];
