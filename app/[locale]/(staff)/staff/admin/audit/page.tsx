import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilter } from "@/components/admin/audit-filter";
import { AuditTable } from "@/components/admin/audit-table";
import { AUDIT_PAGE_SIZE, listAuditEntries, listAuditFacets } from "@/lib/audit/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ entity?: string; action?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.audit"))("title") };
}

/** The audit log: the latest entries, filtered by entity and action. */
export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("audit.view", locale);
  const filter = await searchParams;
  const [t, entries, facets] = await Promise.all([
    getTranslations("staff.audit"),
    listAuditEntries(user, filter),
    listAuditFacets(),
  ]);
  const rows = entries.map((e) => ({ ...e, id: e.id.toString(), at: e.at.toISOString() }));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead", { count: AUDIT_PAGE_SIZE })}</p>
      <AuditFilter facets={facets} filter={filter} />
      <AuditTable entries={rows} />
    </>
  );
}
