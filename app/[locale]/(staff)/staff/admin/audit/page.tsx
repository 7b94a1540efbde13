import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AUDIT_PAGE_SIZE, listAuditEntries, listAuditFacets } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/web/session";
import { DataTable } from "@/components/ui/data-table";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.audit"))("title") };
}

function short(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = JSON.stringify(value);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ entity?: string; action?: string }>;
}) {
  const locale = await enterPage(params);
  const user = await requirePermission("audit.view", locale);
  const filter = await searchParams;
  const [t, format, entries, facets] = await Promise.all([
    getTranslations("staff.audit"),
    getFormatter(),
    listAuditEntries(user, filter),
    listAuditFacets(),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead", { count: AUDIT_PAGE_SIZE })}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="entity" className="block font-bold">
            {t("filterEntity")}
          </label>
          <select
            id="entity"
            name="entity"
            defaultValue={filter.entity ?? ""}
            className="border-2 border-[var(--color-ink)] bg-white px-2 py-1"
          >
            <option value="">{t("all")}</option>
            {facets.entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="block font-bold">
            {t("filterAction")}
          </label>
          <select
            id="action"
            name="action"
            defaultValue={filter.action ?? ""}
            className="border-2 border-[var(--color-ink)] bg-white px-2 py-1"
          >
            <option value="">{t("all")}</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-gray-200 px-3 py-1 font-bold">
          {t("filter")}
        </button>
      </form>
      <div className="overflow-x-auto">
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
              <tr key={e.id.toString()} className="border-b border-[var(--color-line)] align-top">
                <td className="py-2 pr-3 whitespace-nowrap">
                  {format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}
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
      </div>
    </>
  );
}
