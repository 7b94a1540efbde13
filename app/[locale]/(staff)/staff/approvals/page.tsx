import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApprovalsTable } from "@/components/staff/approvals-table";
import { listPendingApprovals } from "@/lib/payments/approvals/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { decideApprovalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

/** Late-dated receipts and registry rows waiting for a second person (issue 11, hole 4). */
export default async function ApprovalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("payments.approve", locale);
  const [t, pending] = await Promise.all([getTranslations("approvals"), listPendingApprovals(user)]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("lead")}</p>
      {pending.length === 0 ? (
        <p data-testid="no-approvals">{t("none")}</p>
      ) : (
        <ApprovalsTable rows={pending} action={decideApprovalAction} />
      )}
    </>
  );
}
