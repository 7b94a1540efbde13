import { getFormatter, getTranslations } from "next-intl/server";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import type { PolicyRowView } from "@/lib/policies/view-models";
import { DataTable } from "@/components/ui/data-table";

/** The issuance journal table (cl. 16). `recordHref` makes each number a link to the record. */
export async function PolicyTable({
  rows,
  recordHref,
  caption,
}: {
  rows: PolicyRowView[];
  recordHref?: (id: string) => string;
  caption: string;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (d: string | null) => (d ? format.dateTime(dayToInstant(d), LONG_DATE) : "—");
  if (rows.length === 0) return <p data-testid="policy-table-empty">{t("staff.table.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={caption}
        testId="policy-table"
        columns={[
          { label: t("staff.table.number") },
          { label: t("staff.table.holder") },
          { label: t("staff.table.pin") },
          { label: t("staff.table.category") },
          { label: t("staff.table.price"), align: "right" },
          { label: t("staff.table.validFrom") },
          { label: t("staff.table.validTo") },
          { label: t("staff.table.status") },
          { label: t("staff.table.createdAt") },
        ]}
      >
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-[var(--color-line)]">
              <td className="py-2 pr-3 font-mono">
                {recordHref ? <Link href={recordHref(r.id)}>{r.number}</Link> : r.number}
              </td>
              <td className="py-2 pr-3">{r.holder}</td>
              <td className="py-2 pr-3 font-mono">{r.pin ?? "—"}</td>
              <td className="py-2 pr-3">{t(`rules.category.${r.category}.name`)}</td>
              <td className="py-2 pr-3 text-right">{t("common.som", { amount: r.priceSom })}</td>
              <td className="py-2 pr-3">{day(r.validFrom)}</td>
              <td className="py-2 pr-3">{day(r.validTo)}</td>
              <td className="py-2 pr-3">{t(`staff.policyStatus.${r.status}`)}</td>
              <td className="py-2">
                {format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
