import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import type { ContractRowView } from "@/lib/contracts/view-models";

/** The office's contracts with legal entities (cl. 29). */
export function ContractsTable({ rows }: { rows: ContractRowView[] }) {
  const t = useTranslations("contracts");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  if (rows.length === 0) return <p data-testid="contracts-empty">{t("list.empty")}</p>;
  return (
    <DataTable
      caption={t("title")}
      testId="contracts-table"
      columns={[
        { label: t("list.number") },
        { label: t("list.entity") },
        { label: t("list.registrationNumber") },
        { label: t("list.period") },
        { label: t("list.status") },
        { label: t("list.persons"), align: "right" },
      ]}
    >
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className="border-b border-[var(--color-line)]">
            <td className="py-2 pr-3">
              <Link href={`/staff/office/contracts/${c.id}`}>{c.number}</Link>
            </td>
            <td className="py-2 pr-3">{c.entityName}</td>
            <td className="py-2 pr-3">{c.registrationNumber}</td>
            <td className="py-2 pr-3">{t("period", { from: day(c.validFrom), to: day(c.validTo) })}</td>
            <td className="py-2 pr-3">{t(`status.${c.status}`)}</td>
            <td className="py-2 text-right">{c.persons}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
