import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** The Fund's other sections, from the dashboard (each page checks its own permission; the nav shows what is allowed). */
export async function FundLinks() {
  const t = await getTranslations();
  return (
    <nav aria-labelledby="fund-links-heading" className="mb-8">
      <h2 id="fund-links-heading" className="mb-2 text-xl font-bold">
        {t("dashboard.links.heading")}
      </h2>
      <ul className="list-disc pl-6">
        <li>
          <Link href="/staff/registries/persons" data-testid="registries-link">
            {t("dashboard.links.registries")}
          </Link>
        </li>
        <li>
          <Link href="/staff/fund/refunds" data-testid="refund-queue-link">
            {t("refunds.fund.title")}
          </Link>
        </li>
        <li>
          <Link href="/staff/fund/reconciliation">{t("staff.nav.reconciliation")}</Link>
        </li>
        <li>
          <Link href="/staff/statement">{t("staff.nav.statement")}</Link>
        </li>
      </ul>
    </nav>
  );
}
