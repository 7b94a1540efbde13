import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { RejectedRowView } from "@/lib/contracts/view-models";

/** Every rejected row of a list with its reason, in file order (a page at a time). */
export function RejectedRowsTable({ rows }: { rows: RejectedRowView[] }) {
  const t = useTranslations("contracts");
  return (
    <DataTable
      caption={t("import.rejectedTitle")}
      testId="rejected-rows"
      columns={[
        { label: t("import.row"), align: "right" },
        { label: t("import.name") },
        { label: t("import.pin") },
        { label: t("import.document") },
        { label: t("import.reason") },
      ]}
    >
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.rowNumber}
            className="border-b border-[var(--color-line)]"
            data-testid={`rejected-row-${r.rowNumber}`}
          >
            <td className="py-2 pr-3 text-right">{r.rowNumber}</td>
            <td className="py-2 pr-3">{r.name}</td>
            <td className="py-2 pr-3 break-all">{r.pin}</td>
            <td className="py-2 pr-3 break-all">{r.document}</td>
            <td className="py-2">{t(`reason.${r.reason}`)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
