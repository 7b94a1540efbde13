import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SalesTable } from "@/components/fund/sales-table";
import { dayToInstant, todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { summarizeSales } from "@/lib/reports/queries";
import { requirePermission } from "@/lib/web/session";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.fund"))("title") };
}

export default async function FundPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("fund.workspace", locale);
  const [t, format, lang, sales] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    summarizeSales(todayInBishkek()),
  ]);
  const month = format.dateTime(dayToInstant(`${sales.month}-01`), { year: "numeric", month: "long" });
  const byOffice = [
    ...sales.offices.map((o) => ({
      label: lang === "ky" ? o.office.nameKy : o.office.nameRu,
      count: o.count,
      revenueSom: o.revenueSom,
    })),
    { label: t("staff.fund.noOffice"), count: sales.noOffice.count, revenueSom: sales.noOffice.revenueSom },
  ];
  const byChannel = sales.channels.map((r) => ({ ...r, label: t(`staff.channel.${r.key}`) }));
  const byCategory = sales.categories.map((r) => ({ ...r, label: t(`rules.category.${r.key}.name`) }));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("staff.fund.title")}</h1>
      <p className="mb-6">{t("staff.fund.lead", { month })}</p>
      <SalesTable caption={t("staff.fund.byOffice")} rows={byOffice} total={sales.total} testId="sales-by-office" />
      <SalesTable caption={t("staff.fund.byChannel")} rows={byChannel} total={sales.total} testId="sales-by-channel" />
      <SalesTable
        caption={t("staff.fund.byCategory")}
        rows={byCategory}
        total={sales.total}
        testId="sales-by-category"
      />
      {/* The money to return is in one paged queue now (issue 14), not a list capped at 200 rows here. */}
      <p className="mb-8">
        <Link href="/staff/fund/refunds" data-testid="refund-queue-link">
          {t("refunds.fund.title")}
        </Link>
      </p>
    </>
  );
}
