import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { dynamicKey } from "@/lib/i18n/message-key";

/** A page of an import's rejected rows: the file's line and the translated reason. */
export async function CoverageRejectsTable({ rows }: { rows: { line: number; reason: string }[] }) {
  const [t, tAll] = await Promise.all([getTranslations("coverage.import"), getTranslations()]);
  return (
    <DataTable
      caption={t("rejectedCaption")}
      testId="coverage-rejects"
      columns={[{ label: t("line"), align: "right" }, { label: t("reason") }]}
    >
      <tbody>
        {rows.map((r) => (
          <tr key={r.line} className="border-b border-[var(--color-line)]">
            <td className="py-2 pr-3 text-right">{r.line}</td>
            <td className="py-2">{tAll(dynamicKey(`coverage.reason.${r.reason}`))}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
