import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { CoverageImportView } from "@/lib/coverage/view-models";
import { Link } from "@/lib/i18n/navigation";

/** The registry's import history, newest first, each row linking to its import's page. */
export async function CoverageImportsTable({ imports }: { imports: CoverageImportView[] }) {
  const [t, format] = await Promise.all([getTranslations("coverage"), getFormatter()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "short", timeZone: "UTC" });
  return (
    <DataTable
      caption={t("history.caption")}
      testId="coverage-imports"
      columns={[
        { label: t("history.when") },
        { label: t("history.source") },
        { label: t("history.period") },
        { label: t("history.file") },
        { label: t("history.status") },
        { label: t("history.rows"), align: "right" },
        { label: t("history.who") },
      ]}
    >
      <tbody>
        {imports.map((i) => (
          <tr key={i.id} className="border-b border-[var(--color-line)] align-top">
            <td className="py-2 pr-3 whitespace-nowrap">
              <Link href={`/staff/admin/coverage/${i.id}`}>
                {format.dateTime(new Date(i.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </Link>
            </td>
            <td className="py-2 pr-3">{t(`source.${i.source}`)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">
              {t("history.periodValue", { from: day(i.periodFrom), to: day(i.periodTo) })}
            </td>
            <td className="py-2 pr-3 break-all">{i.fileName}</td>
            <td className="py-2 pr-3" data-testid="coverage-import-status">
              {t(`status.${i.status}`)}
            </td>
            <td className="py-2 pr-3 text-right whitespace-nowrap">
              {t("history.rowsValue", { accepted: i.acceptedRows, rejected: i.rejectedRows })}
            </td>
            <td className="py-2">{i.createdByLogin}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
