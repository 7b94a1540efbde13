import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { dayToInstant } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import type { JournalRowView } from "@/lib/policies/paper/view-models";

/** The office's issuance journal (cl. 16): one line per policy, its hand-over when there is one. */
export async function JournalTable({ rows, caption }: { rows: JournalRowView[]; caption: string }) {
  const [t, format] = await Promise.all([getTranslations("print.journal"), getFormatter()]);
  const day = (d: string | null | undefined) =>
    d ? format.dateTime(dayToInstant(d), { day: "2-digit", month: "2-digit", year: "numeric" }) : "—";
  if (rows.length === 0) return <p data-testid="journal-empty">{t("none")}</p>;
  const c = (key: "number" | "holder" | "pin" | "madeOn" | "status" | "handedOn" | "recipient") => ({
    label: t(`columns.${key}`),
  });
  return (
    <DataTable
      caption={caption}
      testId="journal-table"
      columns={[c("number"), c("holder"), c("pin"), c("madeOn"), c("status"), c("handedOn"), c("recipient")]}
    >
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-[var(--color-line)] align-top" data-testid="journal-row">
            <td className="py-2 pr-3 whitespace-nowrap">
              <Link href={`/staff/office/policies/${r.id}`}>{r.number}</Link>
            </td>
            <td className="py-2 pr-3">{r.holder}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{r.pin ?? r.documentNumber ?? "—"}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{day(r.madeOn)}</td>
            <td className="py-2 pr-3" data-testid="journal-status" data-status={r.status}>
              {t(r.status)}
            </td>
            <td className="py-2 pr-3 whitespace-nowrap">{day(r.handover?.handedOn)}</td>
            <td className="py-2">{r.handover?.recipientName ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
