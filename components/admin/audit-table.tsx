import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";

export type AuditRowView = {
  id: string;
  /** ISO instant */
  at: string;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

function short(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = JSON.stringify(value);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Who did what, when, to which record, with its before/after. */
export async function AuditTable({ entries }: { entries: AuditRowView[] }) {
  const [t, format] = await Promise.all([getTranslations("staff.audit"), getFormatter()]);
  return (
    <DataTable
      caption={t("title")}
      testId="audit-table"
      columns={[
        { label: t("at") },
        { label: t("actor") },
        { label: t("action") },
        { label: t("entity") },
        { label: t("details") },
      ]}
    >
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-[var(--color-line)] align-top">
            <td className="py-2 pr-3 whitespace-nowrap">
              {format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" })}
            </td>
            <td className="py-2 pr-3">{e.actorLabel}</td>
            <td className="py-2 pr-3 font-mono">{e.action}</td>
            <td className="py-2 pr-3">
              {e.entity}
              {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ""}
            </td>
            <td className="py-2 font-mono text-xs break-all">
              {short(e.before)}
              {e.before && e.after ? " → " : ""}
              {short(e.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
