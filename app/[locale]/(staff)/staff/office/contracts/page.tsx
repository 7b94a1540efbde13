import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContractsTable } from "@/components/contracts/contracts-table";
import { listContracts } from "@/lib/contracts/queries";
import { Link } from "@/lib/i18n/navigation";
import { findOfficeName } from "@/lib/offices/queries";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "contracts" }))("title") };
}

/** The office's contracts with legal entities (cl. 29–31). */
export default async function ContractsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("office.workspace", locale);
  const [t, rows, office] = await Promise.all([
    getTranslations("contracts"),
    listContracts(user),
    findOfficeName(user.officeId, locale),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl">{t("lead", { office })}</p>
      <p className="mb-6">
        <Link
          href="/staff/office/contracts/new"
          className="inline-block bg-[var(--color-success)] px-4 py-2 text-lg font-bold text-white no-underline"
          data-testid="new-contract"
        >
          {t("new")}
        </Link>
      </p>
      <ContractsTable rows={rows} />
    </>
  );
}
