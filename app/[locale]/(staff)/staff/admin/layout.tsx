import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { hasPermission } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { getStaffUser } from "@/lib/web/session";

/** The administration's sections (issue 15), for admins only; each page still checks its own permission. */
export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  // this layout renders on its own: its language from the URL, set before anything is translated
  await enterPage(params);
  const [user, t] = await Promise.all([getStaffUser(), getTranslations("administration.nav")]);
  const links = [
    hasPermission(user, "users.manage") && { href: "/staff/admin", label: t("users") },
    hasPermission(user, "reference.administer") && { href: "/staff/admin/tariffs", label: t("tariffs") },
    hasPermission(user, "reference.administer") && {
      href: "/staff/admin/education-states",
      label: t("educationStates"),
    },
    hasPermission(user, "reference.administer") && { href: "/staff/admin/offices", label: t("offices") },
    hasPermission(user, "reference.administer") && { href: "/staff/admin/calendar", label: t("calendar") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  return (
    <>
      {links.length > 0 && (
        <nav aria-label={t("label")} className="no-print mb-6" data-testid="admin-nav">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
