import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";

export type SalesTableRow = { label: string; count: number; revenueSom: number };

/** One breakdown of the month's sales (by office, channel or category) with its total (order on cost, item 3.3). */
export async function SalesTable({
  caption,
  rows,
  total,
  testId,
}: {
  caption: string;
  rows: SalesTableRow[];
  total: { count: number; revenueSom: number };
  testId: string;
}) {
  const t = await getTranslations();
  const som = (n: number) => t("common.som", { amount: n });
  return (
    <section className="mb-8">
      <h2 className="mb-2 text-xl font-bold">{caption}</h2>
      <div>
        <DataTable
          caption={caption}
          className="w-full max-w-2xl"
          testId={testId}
          columns={[
            { label: caption },
            { label: t("staff.table.count"), align: "right" },
            { label: t("staff.table.revenue"), align: "right" },
          ]}
        >
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-b border-[var(--color-line)]">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {r.label}
                </th>
                <td className="py-2 pr-3 text-right">{r.count}</td>
                <td className="py-2 text-right">{som(r.revenueSom)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-bold">
              <th scope="row" className="py-2 pr-3">
                {t("staff.fund.total")}
              </th>
              <td className="py-2 pr-3 text-right">{total.count}</td>
              <td className="py-2 text-right">{som(total.revenueSom)}</td>
            </tr>
          </tfoot>
        </DataTable>
      </div>
    </section>
  );
}
