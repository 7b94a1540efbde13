import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ImportProgress } from "@/components/contracts/import-progress";
import { CoverageImportSummary } from "@/components/coverage/import-summary";
import { CoverageRejectsTable } from "@/components/coverage/rejects-table";
import { COVERAGE_REJECTS_PAGE_SIZE, findCoverageImport, listCoverageRejects } from "@/lib/coverage/queries";
import { dynamicKey } from "@/lib/i18n/message-key";
import { Link } from "@/lib/i18n/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "coverage" }))("title") };
}

/** One registry upload: its progress while it runs (refreshing; without JS a meta refresh), then counts and rejects. */
export default async function CoverageImportPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ page?: string }>;
}) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("coverage.import", locale);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const imp = await findCoverageImport(user, id);
  if (!imp) notFound();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const finished = imp.status === "COMPLETED" || imp.status === "SUPERSEDED";
  const [t, tAll, rejects] = await Promise.all([
    getTranslations("coverage"),
    getTranslations(),
    finished ? listCoverageRejects(user, id, page) : null,
  ]);
  const pages = rejects ? Math.max(1, Math.ceil(rejects.total / COVERAGE_REJECTS_PAGE_SIZE)) : 1;
  const base = `/staff/admin/coverage/${id}`;
  const [errorKey = "coverage.error.jobFailed", errorId] = (imp.error ?? "").split("#");
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin/coverage">{t("import.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold break-words hyphens-auto">{t("import.title", { file: imp.fileName })}</h1>
      <p className="mb-2">
        {t(`source.${imp.source}`)}: {imp.periodFrom} — {imp.periodTo}
      </p>
      <p className="mb-6 text-lg font-bold" data-testid="coverage-import-state">
        {t(`status.${imp.status}`)}
      </p>
      {imp.status === "RUNNING" && (
        <>
          <noscript>
            <meta httpEquiv="refresh" content="3" />
          </noscript>
          <ImportProgress
            label={t("import.progressLabel")}
            text={
              imp.reading
                ? t("import.progressReading", { rows: imp.readRows, percent: imp.percent })
                : t("import.progressApplying", { rows: imp.readRows })
            }
            value={imp.reading ? imp.percent : 100}
            max={imp.reading ? 100 : null}
            note={t("import.refreshing")}
          />
          <p className="mb-6">
            <Link href={base}>{t("import.refreshLink")}</Link>
          </p>
        </>
      )}
      {imp.status === "UNCHANGED" && (
        <p className="mb-6 border-l-8 border-[var(--color-line)] bg-gray-50 p-4" data-testid="coverage-unchanged">
          {t("import.unchanged")}
        </p>
      )}
      {imp.status === "FAILED" && (
        <p className="mb-6 border-l-8 border-[var(--color-danger)] p-4 font-bold" data-testid="coverage-failed">
          {t("import.failed", {
            reason: `${tAll(dynamicKey(errorKey), { columns: "pin, source, covered_from, covered_to" })}${errorId ? ` (${errorId})` : ""}`,
          })}
        </p>
      )}
      {imp.status !== "RUNNING" && imp.status !== "FAILED" && <CoverageImportSummary view={imp} />}
      {rejects && (
        <section aria-labelledby="rejected-title">
          <h2 id="rejected-title" className="mb-2 text-2xl font-bold">
            {t("import.rejectedTitle")}
          </h2>
          {rejects.total === 0 ? (
            <p data-testid="coverage-no-rejects">{t("import.noRejected")}</p>
          ) : (
            <>
              <p className="mb-4">
                <a href={`/${locale}${base}/rejected`} download data-testid="coverage-rejects-download">
                  {t("import.download")}
                </a>
              </p>
              <CoverageRejectsTable rows={rejects.rows} />
              {pages > 1 && (
                <nav aria-label={t("import.rejectedTitle")} className="mt-4 flex flex-wrap gap-4">
                  {page > 1 && <Link href={`${base}?page=${page - 1}`}>{t("import.previous")}</Link>}
                  <span>{t("import.pageOf", { page, count: pages })}</span>
                  {page < pages && <Link href={`${base}?page=${page + 1}`}>{t("import.next")}</Link>}
                </nav>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
