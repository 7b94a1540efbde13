import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/refunds/action-form";
import { CaseSummary } from "@/components/refunds/case-summary";
import { DocumentList } from "@/components/refunds/document-list";
import { canDecideRefundCase } from "@/lib/auth/permissions";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { findRefundCase } from "@/lib/refunds/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { decideRefundAction, recordTransferAction } from "../actions";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refunds.fund"))("title") };
}

/** A case in the Fund's queue: its facts and documents, the decision, then the treasury transfer (cl. 32, 35). */
export default async function FundRefundCasePage({ params }: { params: Params }) {
  const locale = await enterPage(params);
  const user = await requirePermission("refund.approve", locale);
  const { id } = await params;
  const today = todayInBishkek();
  const view = await findRefundCase(user, id, today);
  if (!view) notFound();
  const [t, lang] = await Promise.all([getTranslations(), getLocale()]);
  const hidden = { locale, caseId: view.id };
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/fund/refunds">{t("refunds.case.back")}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("refunds.case.title", { number: view.number })}</h1>
      <CaseSummary view={view} officeName={lang === "ky" ? view.officeNameKy : view.officeNameRu} />
      <h2 className="mb-2 text-xl font-bold">{t("refunds.documents.title")}</h2>
      <DocumentList documents={view.documents} />
      {view.state === "SENT" && <h2 className="mb-2 text-xl font-bold">{t("refunds.decision.title")}</h2>}
      {view.state === "SENT" && !canDecideRefundCase(user, view) && (
        <p className="mb-4 border-l-4 border-[var(--color-danger)] pl-3" data-testid="own-case">
          {t("refunds.decision.ownCase")}
        </p>
      )}
      {view.state === "SENT" && (
        <ActionForm
          action={decideRefundAction}
          hidden={hidden}
          testId="refund-decision-form"
          submitLabel={t("refunds.decision.submit")}
          fields={[
            {
              kind: "radios",
              name: "decision",
              label: t("refunds.decision.choice"),
              options: [
                { value: "APPROVE", label: t("refunds.decision.approve") },
                { value: "REJECT", label: t("refunds.decision.reject") },
              ],
            },
            { kind: "textarea", name: "note", label: t("refunds.decision.note") },
          ]}
        />
      )}
      {view.state === "APPROVED" && (
        <>
          <h2 className="mb-2 text-xl font-bold">{t("refunds.transfer.title")}</h2>
          <ActionForm
            action={recordTransferAction}
            hidden={hidden}
            testId="refund-transfer-form"
            submitLabel={t("refunds.transfer.submit")}
            fields={[
              { kind: "text", name: "treasuryRef", label: t("refunds.transfer.treasuryRef") },
              { kind: "date", name: "treasuryDate", label: t("refunds.transfer.treasuryDate"), defaultValue: today },
            ]}
          />
        </>
      )}
    </>
  );
}
