import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import type { DashboardData } from "./queries";
import { isSaleChannel } from "./sale-channels";

/**
 * One table of the dashboard, as the page shows it and as its CSV holds it — the same object, so the download can
 * never disagree with the screen. `labels` are the row's header cells (one, or ground and state for refunds).
 */
export type DashboardTable = {
  id: DashboardTableId;
  title: string;
  labelColumns: string[];
  valueColumns: string[];
  rows: { key: string; labels: string[]; values: number[] }[];
  total: number[] | null;
};

const DASHBOARD_TABLES = ["figures", "month", "office", "category", "channel", "refunds"] as const;
export type DashboardTableId = (typeof DASHBOARD_TABLES)[number];

export function isDashboardTable(s: string): s is DashboardTableId {
  return (DASHBOARD_TABLES as readonly string[]).includes(s);
}

const sum = (rows: { values: number[] }[], i: number) => rows.reduce((acc, r) => acc + (r.values[i] ?? 0), 0);

export function dashboardTables(data: DashboardData, locale: Locale): DashboardTable[] {
  const t = translatorFor(locale);
  const sales = [t("dashboard.columns.policies"), t("dashboard.columns.revenue")];
  const withTotal = (rows: DashboardTable["rows"]) => [sum(rows, 0), sum(rows, 1)];
  const officeName = (id: number) => {
    const o = data.offices.find((x) => x.id === id);
    return o ? (locale === "ky" ? o.nameKy : o.nameRu) : t("dashboard.noOffice");
  };
  const shownOffices =
    data.scope.officeId === null
      ? [...data.offices.map((o) => o.id), 0]
      : data.offices.map((o) => o.id).filter((id) => id === data.scope.officeId);
  const officeRows = shownOffices.map((id) => {
    const r = data.byOffice.find((b) => b.key === id);
    return { key: String(id), labels: [officeName(id)], values: [r?.policies ?? 0, r?.revenueSom ?? 0] };
  });
  const monthRows = data.byMonth.map((r) => ({
    key: r.key,
    labels: [r.key.slice(0, 7)],
    values: [r.policies, r.revenueSom],
  }));
  const categoryRows = data.byCategory.map((r) => ({
    key: r.key,
    labels: [t(`rules.category.${r.key as "CITIZEN"}.name`)],
    values: [r.policies, r.revenueSom],
  }));
  const channelRows = data.byChannel.map((r) => ({
    key: r.key,
    labels: [isSaleChannel(r.key) ? t(`dashboard.saleChannel.${r.key}`) : r.key],
    values: [r.policies, r.revenueSom],
  }));
  const refundRows = data.refunds.map((r) => ({
    key: `${r.ground}.${r.state}`,
    labels: [t(`refunds.ground.${r.ground as "DEATH"}`), t(`refunds.state.${r.state as "DRAFT"}`)],
    values: [r.cases, r.amountSom],
  }));
  return [
    {
      id: "figures",
      title: t("dashboard.tables.figures"),
      labelColumns: [t("dashboard.figures.figure")],
      valueColumns: [t("dashboard.figures.value")],
      rows: [
        { key: "sold", labels: [t("dashboard.figures.sold")], values: [data.total.policies] },
        { key: "revenue", labels: [t("dashboard.figures.revenue")], values: [data.total.revenueSom] },
        { key: "inForceToday", labels: [t("dashboard.figures.inForceToday")], values: [data.inForceToday] },
        {
          key: "inForceOnDay",
          labels: [t("dashboard.figures.inForceOnDay", { day: data.scope.day })],
          values: [data.inForceOnDay],
        },
        { key: "endingSoon", labels: [t("dashboard.figures.endingSoon")], values: [data.endingSoon] },
      ],
      total: null,
    },
    {
      id: "month",
      title: t("dashboard.tables.month"),
      labelColumns: [t("dashboard.columns.month")],
      valueColumns: sales,
      rows: monthRows,
      total: withTotal(monthRows),
    },
    {
      id: "office",
      title: t("dashboard.tables.office"),
      labelColumns: [t("dashboard.columns.office")],
      valueColumns: sales,
      rows: officeRows,
      total: withTotal(officeRows),
    },
    {
      id: "category",
      title: t("dashboard.tables.category"),
      labelColumns: [t("dashboard.columns.category")],
      valueColumns: sales,
      rows: categoryRows,
      total: withTotal(categoryRows),
    },
    {
      id: "channel",
      title: t("dashboard.tables.channel"),
      labelColumns: [t("dashboard.columns.channel")],
      valueColumns: sales,
      rows: channelRows,
      total: withTotal(channelRows),
    },
    {
      id: "refunds",
      title: t("dashboard.tables.refunds"),
      labelColumns: [t("dashboard.columns.ground"), t("dashboard.columns.state")],
      valueColumns: [t("dashboard.columns.cases"), t("dashboard.columns.amount")],
      rows: refundRows,
      total: withTotal(refundRows),
    },
  ];
}
