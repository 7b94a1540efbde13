import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import type { RefundQueueRow } from "@/lib/refunds/view-models";

/** Refund cases as a table: a territorial office's own list and the Fund's queue; each number opens its case. */
export async function RefundTable({
  rows,
  caption,
  hrefBase,
  testId,
}: {
  rows: RefundQueueRow[];
  caption: string;
  hrefBase: string;
  testId: string;
}) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  return (
    <DataTable
      caption={caption}
      testId={testId}
      columns={[
        { label: t("refunds.columns.number") },
        { label: t("refunds.columns.state") },
        { label: t("refunds.columns.ground") },
        { label: t("refunds.columns.office") },
        { label: t("refunds.columns.holder") },
        { label: t("refunds.columns.opened") },
        { label: t("refunds.columns.age"), align: "right" },
        { label: t("refunds.columns.amount"), align: "right" },
      ]}
    >
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            className="border-b border-[var(--color-line)] align-top"
            data-testid={`refund-row-${r.number}`}
          >
            <td className="py-2 pr-3 font-mono">
              <Link href={`${hrefBase}/${r.id}`}>{r.number}</Link>
            </td>
            <td className="py-2 pr-3">{t(`refunds.state.${r.state}`)}</td>
            <td className="py-2 pr-3">{t(`refunds.ground.${r.ground}`)}</td>
            <td className="py-2 pr-3">
              {r.officeCode ? (locale === "ky" ? r.officeNameKy : r.officeNameRu) : t("refunds.fund.noOffice")}
            </td>
            <td className="py-2 pr-3">
              {r.policyNumber && <span className="font-mono">{r.policyNumber}</span>}
              {r.policyNumber && <br />}
              {r.holder}
            </td>
            <td className="py-2 pr-3">{format.dateTime(new Date(r.createdAt), { dateStyle: "short" })}</td>
            <td className="py-2 pr-3 text-right">{r.ageDays}</td>
            <td className="py-2 text-right">{t("common.som", { amount: r.amountSom })}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
