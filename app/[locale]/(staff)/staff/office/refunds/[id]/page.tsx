import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CaseSummary } from "@/components/refunds/case-summary";
import { DocumentList } from "@/components/refunds/document-list";
import { DraftCase } from "@/components/refunds/draft-case";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { assessRefundCase, findRefundCase } from "@/lib/refunds/queries";
import { maxUploadBytes } from "@/lib/storage/file-type";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { saveRefundDetailsAction, sendRefundCaseAction, uploadRefundDocumentAction } from "../actions";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refunds.office"))("title") };
}

/** One case of the clerk's office: the draft to complete and send, or the sent case with its letter (PDF). */
export default async function OfficeRefundCasePage({ params }: { params: Params }) {
  const locale = await enterPage(params);
  const user = await requirePermission("refund.prepare", locale);
  const { id } = await params;
  const view = await findRefundCase(user, id, todayInBishkek());
  if (!view) notFound();
  const [t, lang, assessment] = await Promise.all([getTranslations(), getLocale(), assessRefundCase(user, id)]);
  const officeName = lang === "ky" ? view.officeNameKy : view.officeNameRu;
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/office/refunds">{t("refunds.case.back")}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("refunds.case.title", { number: view.number })}</h1>
      {view.outgoingNumber && (
        <div className="mb-6 border-l-4 border-[var(--color-success)] pl-3" data-testid="refund-sent">
          <p className="mb-2">{t("refunds.send.sent", { number: view.outgoingNumber })}</p>
          <p className="flex flex-wrap gap-4">
            <a href={`/api/v1/refunds/${view.id}/letter?lang=ru`} data-testid="letter-ru">
              {t("refunds.send.letterRu")}
            </a>
            <a href={`/api/v1/refunds/${view.id}/letter?lang=ky`} data-testid="letter-ky">
              {t("refunds.send.letterKy")}
            </a>
          </p>
        </div>
      )}
      <CaseSummary view={view} officeName={officeName} />
      {view.state === "DRAFT" ? (
        <DraftCase
          view={view}
          assessment={assessment}
          locale={locale}
          maxMb={Math.floor(maxUploadBytes() / 1024 / 1024)}
          actions={{ details: saveRefundDetailsAction, upload: uploadRefundDocumentAction, send: sendRefundCaseAction }}
        />
      ) : (
        <DocumentList documents={view.documents} />
      )}
    </>
  );
}
