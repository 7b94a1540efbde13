import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import type { ContractImportRowView } from "@/lib/contracts/view-models";

/** The lists uploaded for a contract, with their state and counts. `uploadedAt` is formatted by the page. */
export function ContractImportsTable({
  contractId,
  rows,
  uploadedAt,
}: {
  contractId: string;
  rows: ContractImportRowView[];
  uploadedAt: Record<string, string>;
}) {
  const t = useTranslations("contracts");
  if (rows.length === 0) return <p>{t("detail.noImports")}</p>;
  return (
    <DataTable
      caption={t("detail.imports")}
      testId="contract-imports"
      columns={[
        { label: t("detail.file") },
        { label: t("detail.uploadedAt") },
        { label: t("list.status") },
        { label: t("import.total"), align: "right" },
        { label: t("import.accepted"), align: "right" },
        { label: t("import.rejected"), align: "right" },
        { label: t("import.issued"), align: "right" },
      ]}
    >
      <tbody>
        {rows.map((i) => (
          <tr key={i.id} className="border-b border-[var(--color-line)]">
            <td className="py-2 pr-3 break-all">
              <Link href={`/staff/office/contracts/${contractId}/imports/${i.id}`}>{i.fileName}</Link>
            </td>
            <td className="py-2 pr-3">{uploadedAt[i.id]}</td>
            <td className="py-2 pr-3">{t(`import.state.${i.status}`)}</td>
            <td className="py-2 pr-3 text-right">{i.totalRows}</td>
            <td className="py-2 pr-3 text-right">{i.acceptedRows}</td>
            <td className="py-2 pr-3 text-right">{i.rejectedRows}</td>
            <td className="py-2 text-right">{i.issuedRows}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
