import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

type Section = "registries" | "refunds" | "reconciliation" | "statement";

/** The Fund's other sections the signed-in person may open (each page still checks its own permission). */
export async function FundLinks({ allowed }: { allowed: Section[] }) {
  const t = await getTranslations();
  return (
    <nav aria-labelledby="fund-links-heading" className="mb-8">
      <h2 id="fund-links-heading" className="mb-2 text-xl font-bold">
        {t("dashboard.links.heading")}
      </h2>
      <ul className="list-disc pl-6">
        {allowed.includes("registries") && (
          <li>
            <Link href="/staff/registries/persons" data-testid="registries-link">
              {t("dashboard.links.registries")}
            </Link>
          </li>
        )}
        {allowed.includes("refunds") && (
          <li>
            <Link href="/staff/fund/refunds" data-testid="refund-queue-link">
              {t("refunds.fund.title")}
            </Link>
          </li>
        )}
        {allowed.includes("reconciliation") && (
          <li>
            <Link href="/staff/fund/reconciliation">{t("staff.nav.reconciliation")}</Link>
          </li>
        )}
        {allowed.includes("statement") && (
          <li>
            <Link href="/staff/statement">{t("staff.nav.statement")}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
