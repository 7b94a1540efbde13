import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { getStaffUser } from "@/lib/web/session";
import { Link } from "@/lib/i18n/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { localeOf } from "@/lib/web/page-locale";

/** The staff bar: who is signed in, their workspace's sections, sign out. Each page still checks its own permission. */
export default async function StaffLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await localeOf(params);
  const [user, t, messages] = await Promise.all([getStaffUser(), getTranslations(), getMessages()]);
  const links = user
    ? [
        hasPermission(user, "office.workspace") && { href: "/staff/office/desk", label: t("desk.nav.desk") },
        hasPermission(user, "office.workspace") && {
          href: "/staff/office/applications",
          label: t("desk.nav.applications"),
        },
        hasPermission(user, "office.workspace") && { href: "/staff/office", label: t("staff.nav.journal") },
        hasPermission(user, "office.workspace") && { href: "/staff/office/journal", label: t("print.journal.title") },
        hasPermission(user, "office.workspace") && { href: "/staff/office/cash-desk", label: t("staff.nav.cashDesk") },
        hasPermission(user, "office.workspace") && { href: "/staff/office/contracts", label: t("staff.nav.contracts") },
        hasPermission(user, "refund.prepare") && { href: "/staff/office/refunds", label: t("refunds.nav.office") },
        hasPermission(user, "appeals.handle") && { href: "/staff/office/appeals", label: t("appeals.nav.office") },
        hasPermission(user, "people.statement") && { href: "/staff/statement", label: t("staff.nav.statement") },
        hasPermission(user, "payments.reconcile") && {
          href: "/staff/fund/reconciliation",
          label: t("staff.nav.reconciliation"),
        },
        hasPermission(user, "payments.approve") && { href: "/staff/approvals", label: t("approvals.nav") },
        hasPermission(user, "clinic.workspace") && { href: "/staff/clinic", label: t("staff.nav.policies") },
        hasPermission(user, "fund.dashboard") && { href: "/staff/fund", label: t("dashboard.nav.dashboard") },
        hasPermission(user, "fund.registries") && {
          href: "/staff/registries/persons",
          label: t("dashboard.nav.registries"),
        },
        hasPermission(user, "refund.approve") && { href: "/staff/fund/refunds", label: t("refunds.nav.fund") },
        hasPermission(user, "users.manage") && { href: "/staff/admin", label: t("staff.nav.users") },
        hasPermission(user, "audit.view") && { href: "/staff/admin/audit", label: t("staff.nav.audit") },
        hasPermission(user, "coverage.import") && { href: "/staff/admin/coverage", label: t("coverage.nav") },
      ].filter((l): l is { href: string; label: string } => Boolean(l))
    : [];
  // The staff screens' client components translate in the browser: they get the messages (citizen pages do not).
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Bishkek">
      {user && (
        <div
          className="no-print -mt-4 mb-8 flex flex-wrap items-center justify-between gap-3 border-b-2 border-[var(--color-line)] pb-3"
          data-testid="staff-bar"
        >
          <p>
            <span data-testid="staff-user">{t("auth.signedInAs", { name: user.fullName })}</span>
            {" · "}
            <span className="text-[var(--color-muted)]" data-testid="staff-role">
              {t(`staff.roles.${user.role}`)}
            </span>
          </p>
          <nav aria-label={t("staff.nav.label")} className="flex flex-wrap items-center gap-4">
            {links.map((l) => (
              <Link key={l.href} href={l.href}>
                {l.label}
              </Link>
            ))}
            <SignOutButton label={t("auth.signOut")} callbackUrl={`/${locale}/staff/sign-in`} />
          </nav>
        </div>
      )}
      {children}
    </NextIntlClientProvider>
  );
}
