import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { auditChanges } from "@/lib/audit/view-models";
import { dynamicKey } from "@/lib/i18n/message-key";

export type AuditRowView = {
  id: string;
  /** ISO instant */
  at: string;
  actorLabel: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

type Translate = Awaited<ReturnType<typeof getTranslations<"audit">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** camelCase or snake_case → words, for a field no label names yet. */
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

function fieldLabel(t: Translate, key: string): string {
  return t.has(dynamicKey(`field.${key}`) as never) ? t(dynamicKey(`field.${key}`) as never) : words(key);
}

/** A value in the staff's language: yes/no, dates, numbers, known codes by their name; lists and objects spelled out. */
function valueText(t: Translate, format: Format, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return t(v ? "value.true" : "value.false");
  if (typeof v === "number") return format.number(v);
  if (typeof v === "string") {
    if (DAY.test(v)) return format.dateTime(new Date(`${v}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
    if (INSTANT.test(v) && !Number.isNaN(Date.parse(v))) {
      return format.dateTime(new Date(v), { dateStyle: "long", timeStyle: "short" });
    }
    return t.has(dynamicKey(`value.${v}`) as never) ? t(dynamicKey(`value.${v}`) as never) : v;
  }
  if (Array.isArray(v)) return v.map((x) => valueText(t, format, x)).join(", ");
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabel(t, k)}: ${valueText(t, format, x)}`)
      .join("; ");
  }
  return String(v);
}

export function actionLabel(t: Translate, action: string): string {
  const key = dynamicKey(`actions.${action}`) as never;
  return t.has(key) ? t(key) : t("unknownAction", { action });
}

async function Changes({ entry }: { entry: AuditRowView }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const rows = auditChanges(entry.before, entry.after);
  if (rows.length === 0) return <span>{t("table.noDetails")}</span>;
  const hasBefore = entry.before !== null && entry.before !== undefined;
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid="audit-changes">
      <caption className="sr-only">{t("table.changesCaption", { id: entry.id })}</caption>
      <thead>
        <tr className="border-b border-[var(--color-line)]">
          <th scope="col" className="pr-2 font-normal text-[var(--color-muted)]">
            {t("table.field")}
          </th>
          {hasBefore && (
            <th scope="col" className="pr-2 font-normal text-[var(--color-muted)]">
              {t("table.before")}
            </th>
          )}
          <th scope="col" className="font-normal text-[var(--color-muted)]">
            {t("table.after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.field ?? i} className="align-top">
            <th scope="row" className="pr-2 font-normal">
              {r.field === null ? "" : fieldLabel(t, r.field)}
            </th>
            {hasBefore && <td className="pr-2 break-words">{valueText(t, format, r.before)}</td>}
            <td className="break-words">{valueText(t, format, r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who did what, when, to which record, with what changed — in the staff's language (issue 15). */
export async function AuditTable({ entries }: { entries: AuditRowView[] }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  return (
    <DataTable
      caption={t("table.caption")}
      testId="audit-table"
      columns={[
        { label: t("table.at") },
        { label: t("table.actor") },
        { label: t("table.action") },
        { label: t("table.record") },
        { label: t("table.changes") },
      ]}
    >
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-[var(--color-line)] align-top" data-testid="audit-row">
            <td className="py-2 pr-3 whitespace-nowrap">
              {format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" })}
            </td>
            <td className="py-2 pr-3">
              {e.actorName ? (
                <>
                  {e.actorName}
                  <br />
                  <span className="text-[var(--color-muted)]">{e.actorLabel}</span>
                </>
              ) : (
                e.actorLabel
              )}
            </td>
            <td className="py-2 pr-3" data-testid="audit-action">
              {actionLabel(t, e.action)}
            </td>
            <td className="py-2 pr-3">
              {t.has(dynamicKey(`entity.${e.entity}`) as never)
                ? t(dynamicKey(`entity.${e.entity}`) as never)
                : e.entity}
              {e.entityId && (
                <>
                  <br />
                  <span className="font-mono text-xs break-all">{e.entityId}</span>
                </>
              )}
            </td>
            <td className="min-w-64 py-2">
              <Changes entry={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
