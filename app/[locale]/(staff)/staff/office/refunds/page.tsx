import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/refunds/action-form";
import { RefundTable } from "@/components/refunds/refund-table";
import { todayInBishkek } from "@/lib/dates";
import { listOfficeRefundCases } from "@/lib/refunds/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { ReissueForm } from "@/components/refunds/reissue-form";
import { openRefundCaseAction, reissuePolicyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refunds.office"))("title") };
}

/** A territorial office's refunds (cl. 32–33): open a case from the policy number, and the office's cases. */
export default async function OfficeRefundsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("refund.prepare", locale);
  const [t, rows] = await Promise.all([getTranslations(), listOfficeRefundCases(user, todayInBishkek())]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("refunds.office.title")}</h1>
      <p className="mb-6 max-w-3xl">{t("refunds.office.lead")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("refunds.office.openTitle")}</h2>
      <ActionForm
        action={openRefundCaseAction}
        hidden={{ locale }}
        fields={[
          {
            kind: "text",
            name: "policyNumber",
            label: t("refunds.office.policyNumber"),
            hint: t("refunds.office.policyNumberHint"),
          },
        ]}
        submitLabel={t("refunds.office.open")}
        testId="open-refund-form"
      />
      <ReissueForm action={reissuePolicyAction} locale={locale} />
      <h2 className="mb-2 text-xl font-bold">{t("refunds.office.listTitle")}</h2>
      {rows.length === 0 ? (
        <p data-testid="office-refunds-empty">{t("refunds.office.empty")}</p>
      ) : (
        <RefundTable
          rows={rows}
          caption={t("refunds.office.listTitle")}
          hrefBase="/staff/office/refunds"
          testId="office-refunds"
        />
      )}
    </>
  );
}
