import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ButtonForm } from "@/components/buy/button-form";
import { ConfirmImportForm } from "@/components/contracts/confirm-import-form";
import { ImportCounts } from "@/components/contracts/import-counts";
import { ImportProgress } from "@/components/contracts/import-progress";
import { RejectedRowsTable } from "@/components/contracts/rejected-rows-table";
import { findContractImport, listRejectedRows, REJECTED_PAGE_SIZE } from "@/lib/contracts/queries";
import { TEMPLATE_COLUMNS } from "@/lib/contracts/read-file";
import { now, todayInBishkek } from "@/lib/dates";
import { longDateValues } from "@/lib/i18n/long-date";
import { dynamicKey } from "@/lib/i18n/message-key";
import { Link } from "@/lib/i18n/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { confirmContractImportAction, resumeContractImportAction } from "../../../actions";

type Params = Promise<{ locale: string; id: string; importId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "contracts" }))("upload.title") };
}

/** A list of persons: its check's progress, the preview (counts, every rejected row), the confirmation, the result. */
export default async function ContractImportPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ page?: string; reused?: string }>;
}) {
  const locale = await enterPage(params);
  const { id, importId } = await params;
  const query = await searchParams;
  const user = await requirePermission("office.workspace", locale);
  const imp = await findContractImport(user, importId, now());
  if (!imp || imp.contractId !== id) notFound();
  const page = Math.max(1, Number(query.page) || 1);
  const [t, tAll, tc, rejected] = await Promise.all([
    getTranslations("contracts"),
    getTranslations(),
    getTranslations("common"),
    imp.status === "PREVIEW" || imp.status === "DONE" ? listRejectedRows(user, importId, page) : null,
  ]);
  const pages = rejected ? Math.max(1, Math.ceil(rejected.total / REJECTED_PAGE_SIZE)) : 1;
  const base = `/staff/office/contracts/${id}/imports/${importId}`;
  const resumable = imp.stale || (imp.status === "FAILED" && imp.paymentMode !== null);
  return (
    <>
      <p className="mb-4">
        <Link href={`/staff/office/contracts/${id}`}>← {t("import.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold break-words">{t("import.title", { file: imp.fileName })}</h1>
      <p className="mb-6 text-lg" data-testid="import-state">
        {t(`import.state.${imp.status}`)}
      </p>
      {query.reused === "1" && (
        <p className="mb-6 border-l-8 border-[var(--color-line)] bg-gray-50 p-4" data-testid="import-reused">
          {t("import.alreadyImported")}
        </p>
      )}
      {imp.status === "VALIDATING" && !imp.stale && (
        <ImportProgress
          label={t("import.progressLabel")}
          text={t("import.progressValidating", { done: imp.processedRows })}
          value={imp.processedRows}
          max={imp.totalRows > 0 ? Math.max(imp.totalRows, imp.processedRows) : null}
          note={t("import.refreshing")}
        />
      )}
      {imp.status === "IMPORTING" && !imp.stale && (
        <ImportProgress
          label={t("import.progressLabel")}
          text={t("import.progressImporting", { done: imp.issuedRows, total: imp.acceptedRows })}
          value={imp.processedRows}
          max={imp.acceptedRows}
          note={t("import.refreshing")}
        />
      )}
      {imp.status === "FAILED" && (
        <p className="mb-6 border-l-8 border-[var(--color-danger)] p-4 font-bold" data-testid="import-failed">
          {t("import.failed", {
            reason: tAll(dynamicKey(imp.error ?? "contracts.error.jobFailed"), {
              columns: TEMPLATE_COLUMNS.join(", "),
            }),
          })}
        </p>
      )}
      {resumable && (
        <>
          <p className="mb-2">{t("import.stale")}</p>
          <ButtonForm
            action={resumeContractImportAction}
            hidden={{ importId, contractId: id, locale }}
            label={t("import.resume")}
            testId="resume-import"
          />
        </>
      )}
      {(imp.status === "PREVIEW" || imp.status === "DONE") && <ImportCounts view={imp} />}
      {imp.status === "DONE" && imp.paymentMode && (
        <p className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4" data-testid="import-done">
          {t("import.doneLead", {
            issued: imp.issuedRows,
            mode: t(`import.mode.${imp.paymentMode}`),
            reference: imp.paymentReference ?? "",
            date: imp.paymentDate ? tc("date.long", longDateValues(imp.paymentDate)) : "",
          })}
        </p>
      )}
      {imp.status === "PREVIEW" && (
        <section aria-labelledby="confirm-title" className="mb-10">
          <h2 id="confirm-title" className="mb-2 text-2xl font-bold">
            {t("import.confirmTitle")}
          </h2>
          {imp.acceptedRows > 0 ? (
            <>
              <p className="mb-4 max-w-3xl">
                {t("import.confirmLead", { count: imp.acceptedRows, amount: imp.amountSom })}
              </p>
              <ConfirmImportForm action={confirmContractImportAction} importId={importId} today={todayInBishkek()} />
            </>
          ) : (
            <p data-testid="nothing-to-confirm">{t("import.nothingToConfirm")}</p>
          )}
        </section>
      )}
      {rejected && (
        <section aria-labelledby="rejected-title">
          <h2 id="rejected-title" className="mb-2 text-2xl font-bold">
            {t("import.rejectedTitle")}
          </h2>
          {rejected.total === 0 ? (
            <p>{t("import.noRejected")}</p>
          ) : (
            <>
              <RejectedRowsTable rows={rejected.rows} />
              {pages > 1 && (
                <nav aria-label={t("import.rejectedTitle")} className="mt-4 flex gap-4">
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
