import { readDashboardParams } from "@/lib/reports/dashboard.schema";
import { dashboardCsv } from "@/lib/reports/dashboard-csv";
import { loadDashboard, resolveDashboardScope } from "@/lib/reports/queries";
import { dashboardTables, isDashboardTable } from "@/lib/reports/view-models";
import { translatorFor } from "@/lib/i18n/translate";
import { fileLocale, fileResponse, notFoundFile, staffFileUser } from "@/lib/web/staff-file";

export const dynamic = "force-dynamic";

/**
 * GET /<locale>/staff/fund/csv/{figures|month|office|category|channel|refunds}?from&to&office&day — one dashboard
 * table as CSV, with the page's filters (issue 15). The same permission as the page; aggregates only, nothing personal.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; table: string }> }) {
  const { locale: raw, table } = await params;
  const locale = fileLocale(raw);
  if (!locale || !isDashboardTable(table)) return notFoundFile();
  const auth = await staffFileUser("fund.dashboard", locale);
  if ("response" in auth) return auth.response;
  const { filter, kept, errors } = readDashboardParams(Object.fromEntries(new URL(request.url).searchParams));
  if (errors.length) return new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const data = await loadDashboard(await resolveDashboardScope(filter));
  const found = dashboardTables(data, locale).find((x) => x.id === table)!;
  const name = ["oms-dashboard", table, kept.office, data.scope.fromMonth.slice(0, 7), data.scope.toMonth.slice(0, 7)]
    .filter(Boolean)
    .join("-");
  const csv = dashboardCsv(found, translatorFor(locale)("dashboard.total"));
  return fileResponse(new TextEncoder().encode(csv), "text/csv; charset=utf-8", `${name}.csv`);
}
