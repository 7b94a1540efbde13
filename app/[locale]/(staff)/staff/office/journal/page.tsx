import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JournalFilters } from "@/components/print/journal-filters";
import { JournalPager } from "@/components/print/journal-pager";
import { JournalTable } from "@/components/print/journal-table";
import { JournalWhoForm } from "@/components/print/journal-who-form";
import { todayInBishkek } from "@/lib/dates";
import { findOfficeName } from "@/lib/offices/queries";
import { readJournalParams } from "@/lib/policies/paper/journal-params";
import { firstParams } from "@/lib/policies/paper/journal.schema";
import { JOURNAL_PAGE_SIZE, listJournal } from "@/lib/policies/paper/queries";
import { NOT_COLLECTED_AFTER_DAYS } from "@/lib/rules";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { searchJournalAction } from "./actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "print.journal" }))("title") };
}

/** The office's issuance journal (cl. 16): searchable, filtered by status and dates, paged, printed, exported. */
export default async function JournalPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("office.workspace", locale);
  const { query, page, kept, whoToken, errors } = readJournalParams(firstParams(await searchParams), user.id);
  const [t, list, office] = await Promise.all([
    getTranslations("print.journal"),
    listJournal(user, query, todayInBishkek(), page),
    findOfficeName(user.officeId, locale),
  ]);
  const base = `/${locale}/staff/office/journal`;
  const linkParams = whoToken ? { ...kept, who: whoToken } : kept;
  const qs = new URLSearchParams(linkParams).toString();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead", { office, days: NOT_COLLECTED_AFTER_DAYS })}</p>
      <JournalWhoForm action={searchJournalAction} locale={locale} filters={kept} />
      {whoToken && (
        <p className="mb-4" role="status" data-testid="journal-who-active">
          {t("searchingFor")} <a href={`${base}?${new URLSearchParams(kept)}`}>{t("clearWho")}</a>
        </p>
      )}
      <JournalFilters action={base} values={kept} whoToken={whoToken} errors={errors} />
      <p className="mb-2 flex flex-wrap gap-x-6 gap-y-2" data-testid="journal-exports">
        <span className="font-bold">{t("exports")}:</span>
        <a href={`${base}/pdf?${qs}`} data-testid="journal-pdf">
          {t("pdf")}
        </a>
        <a href={`${base}/csv?${qs}`}>{t("csv")}</a>
        <a href={`${base}/xlsx?${qs}`}>{t("xlsx")}</a>
      </p>
      <p className="mb-4" data-testid="journal-count">
        {t("count", { count: list.total })}
      </p>
      <JournalTable rows={list.rows} caption={t("title")} />
      <JournalPager params={linkParams} page={page} pageCount={Math.ceil(list.total / JOURNAL_PAGE_SIZE)} />
    </>
  );
}
