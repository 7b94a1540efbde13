import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { DashboardTable } from "@/lib/reports/view-models";
import { DashboardChart } from "./dashboard-chart";

/**
 * One figure of the dashboard: its chart (when it has rows to draw), the same numbers as a table with a caption in a
 * focusable region, and its CSV with the page's filters.
 */
export async function DashboardTableSection({
  table,
  csvHref,
  chart,
}: {
  table: DashboardTable;
  csvHref: string;
  chart: "bars" | "horizontal" | null;
}) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const headingId = `dashboard-${table.id}-heading`;
  return (
    <section className="mb-10" aria-labelledby={headingId} data-testid={`dashboard-${table.id}`}>
      <h2 id={headingId} className="mb-3 text-xl font-bold">
        {table.title}
      </h2>
      {chart && table.rows.length > 0 && (
        <DashboardChart
          labels={table.rows.map((r) => r.labels.join(" · "))}
          values={table.rows.map((r) => r.values[0] ?? 0)}
          series={table.valueColumns[0] ?? ""}
          description={t("chart", { table: table.title })}
          horizontal={chart === "horizontal"}
        />
      )}
      {table.rows.length === 0 ? (
        <p className="mb-3">{t("empty")}</p>
      ) : (
        <DataTable
          caption={table.title}
          className="w-full max-w-3xl"
          testId={`dashboard-table-${table.id}`}
          columns={[
            ...table.labelColumns.map((label) => ({ label })),
            ...table.valueColumns.map((label) => ({ label, align: "right" as const })),
          ]}
        >
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key} className="border-b border-[var(--color-line)]">
                {r.labels.map((l, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-2 pr-3 font-normal">
                      {l}
                    </th>
                  ) : (
                    <td key={i} className="py-2 pr-3">
                      {l}
                    </td>
                  ),
                )}
                {r.values.map((v, i) => (
                  <td key={i} className="py-2 pr-3 text-right tabular-nums">
                    {format.number(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.total && (
            <tfoot>
              <tr className="font-bold">
                <th scope="row" className="py-2 pr-3" colSpan={table.labelColumns.length}>
                  {t("total")}
                </th>
                {table.total.map((v, i) => (
                  <td key={i} className="py-2 pr-3 text-right tabular-nums">
                    {format.number(v)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </DataTable>
      )}
      <p className="mt-2">
        <a href={csvHref} download data-testid={`dashboard-csv-${table.id}`}>
          {t("csv", { table: table.title })}
        </a>
      </p>
    </section>
  );
}
