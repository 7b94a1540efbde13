import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilter, type AuditFilterValues } from "@/components/admin/audit-filter";
import { AuditPersonForm } from "@/components/admin/audit-person-form";
import { AuditTable } from "@/components/admin/audit-table";
import { listAuditActions, listAuditActors, listAuditPage, type AuditQuery } from "@/lib/audit/queries";
import { bishkekDayRange } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { findAuditRecordIdsByPersonId } from "@/lib/people/queries";
import { isCalendarDate } from "@/lib/rules";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { filterAuditByPersonAction } from "./actions";

type Search = AuditFilterValues & { before?: string };
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[]>> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** The query and the URL of the page: only well-formed values count, anything else is dropped (or marked, for dates). */
async function readFilter(raw: Record<string, string | string[]>) {
  const f: Search = {
    action: one(raw.action)?.slice(0, 200),
    user: one(raw.user),
    record: one(raw.record)?.slice(0, 200),
    person: one(raw.person),
    from: one(raw.from),
    to: one(raw.to),
    before: one(raw.before),
  };
  if (f.user && !UUID.test(f.user)) f.user = undefined;
  if (f.person && !UUID.test(f.person)) f.person = undefined;
  const errors = { from: !!f.from && !isCalendarDate(f.from), to: !!f.to && !isCalendarDate(f.to) };
  const q: AuditQuery = { action: f.action, actorId: f.user };
  if (f.person) q.entityIds = await findAuditRecordIdsByPersonId(f.person);
  if (f.record) q.entityIds = q.entityIds ? q.entityIds.filter((id) => id === f.record) : [f.record];
  if (f.from && !errors.from) q.from = bishkekDayRange(f.from, f.from).gte;
  if (f.to && !errors.to) q.to = bishkekDayRange(f.to, f.to).lt;
  if (f.before && /^\d{1,19}$/.test(f.before)) q.before = BigInt(f.before);
  return { f, q, errors };
}

function hrefWith(f: Search, before?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, before })) if (v) params.set(k, v);
  const s = params.toString();
  return `/staff/admin/audit${s ? `?${s}` : ""}`;
}

/** The audit log (issue 15): filtered by action, account, record, person and days; keyset pages over the whole log. */
export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("audit.view", locale);
  const { f, q, errors } = await readFilter(await searchParams);
  const [t, page, actions, actors] = await Promise.all([
    getTranslations("audit"),
    listAuditPage(user, q),
    listAuditActions(user),
    listAuditActors(user),
  ]);
  const rows = page.rows.map((e) => ({ ...e, at: e.at.toISOString() }));
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin">{t("back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold break-words hyphens-auto">{t("title")}</h1>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <section aria-labelledby="person-title" className="mb-6">
        <h2 id="person-title" className="mb-2 text-xl font-bold">
          {t("filter.personTitle")}
        </h2>
        {f.person ? (
          <p className="mb-2" data-testid="audit-person-active">
            {t("filter.personActive")}{" "}
            <Link href={hrefWith({ ...f, person: undefined })}>{t("filter.personClear")}</Link>
          </p>
        ) : (
          <AuditPersonForm action={filterAuditByPersonAction} />
        )}
      </section>
      <section aria-labelledby="filter-title">
        <h2 id="filter-title" className="mb-2 text-xl font-bold">
          {t("filter.title")}
        </h2>
        <AuditFilter actions={actions} actors={actors} filter={f} errors={errors} />
        <p className="mb-6">
          <Link href="/staff/admin/audit">{t("filter.reset")}</Link>
        </p>
      </section>
      {rows.length === 0 ? <p data-testid="audit-empty">{t("table.empty")}</p> : <AuditTable entries={rows} />}
      <nav aria-label={t("pager.label")} className="mt-4 flex flex-wrap gap-6">
        {f.before && <Link href={hrefWith(f)}>{t("pager.newest")}</Link>}
        {page.nextBefore && (
          <Link href={hrefWith(f, page.nextBefore)} data-testid="audit-older">
            {t("pager.older")}
          </Link>
        )}
      </nav>
    </>
  );
}
