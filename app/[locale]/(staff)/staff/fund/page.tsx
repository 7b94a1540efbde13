import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardFilter } from "@/components/fund/dashboard-filter";
import { DashboardTableSection } from "@/components/fund/dashboard-table";
import { FundLinks } from "@/components/fund/fund-links";
import { hasPermission } from "@/lib/auth/permissions";
import { readDashboardParams } from "@/lib/reports/dashboard.schema";
import { loadDashboard, resolveDashboardScope } from "@/lib/reports/queries";
import { dashboardTables } from "@/lib/reports/view-models";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "staff.fund" }))("title") };
}

const CHARTS = {
  figures: null,
  month: "bars",
  office: "horizontal",
  category: "horizontal",
  channel: "horizontal",
  refunds: "horizontal",
} as const;

/**
 * The Fund's dashboard (order on cost 3.3; issue 15): sales by month, office, category and channel, policies in force,
 * those ending soon, refunds — for the whole country or one office, over a period kept in the address.
 */
export default async function FundDashboardPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("fund.dashboard", locale);
  const { filter, kept, errors } = readDashboardParams(await searchParams);
  const [t, data] = await Promise.all([getTranslations(), resolveDashboardScope(filter).then(loadDashboard)]);
  const tables = dashboardTables(data, locale);
  const base = `/${locale}/staff/fund`;
  const qs = new URLSearchParams(kept).toString();
  const office = data.offices.find((o) => o.id === data.scope.officeId);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("staff.fund.title")}</h1>
      <p className="mb-2">{t("dashboard.lead")}</p>
      <p className="mb-6" data-testid="dashboard-period">
        {t("dashboard.period", {
          from: data.scope.fromMonth.slice(0, 7),
          to: data.scope.toMonth.slice(0, 7),
          office: office ? (locale === "ky" ? office.nameKy : office.nameRu) : t("dashboard.wholeCountry"),
        })}
      </p>
      <DashboardFilter
        action={base}
        values={kept}
        errors={errors}
        offices={data.offices.map((o) => ({ code: o.code, name: locale === "ky" ? o.nameKy : o.nameRu }))}
      />
      {tables.map((table) => (
        <DashboardTableSection
          key={table.id}
          table={table}
          chart={CHARTS[table.id]}
          csvHref={`${base}/csv/${table.id}${qs ? `?${qs}` : ""}`}
        />
      ))}
      <FundLinks
        allowed={(
          [
            ["registries", "fund.registries"],
            ["refunds", "refund.approve"],
            ["reconciliation", "payments.reconcile"],
            ["statement", "people.statement"],
          ] as const
        )
          .filter(([, permission]) => hasPermission(user, permission))
          .map(([section]) => section)}
      />
    </>
  );
}
