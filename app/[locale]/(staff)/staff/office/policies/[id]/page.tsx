import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { HandoverForm } from "@/components/print/handover-form";
import { PaperPolicySection } from "@/components/print/paper-policy-section";
import { PolicyHolderSection, PolicyPaymentsSection, PolicyTermsSection } from "@/components/staff/policy-record";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { REPRESENTATIVE_DOCUMENT_TYPES } from "@/lib/policies/paper/handover.schema";
import { findOfficePolicy } from "@/lib/policies/queries";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { recordHandoverAction } from "./actions";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ handedOver?: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "staff.office" }))("recordPageTitle") };
}

/** One policy of the clerk's office (any channel), with its paper form: print it, record its hand-over (cl. 15–16). */
export default async function OfficePolicyPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  // Another office's policy is "not found", exactly like a policy that does not exist (STYLE §4); the attempt is audited.
  const policy = await findOfficePolicy(user, id);
  if (!policy) notFound();
  const [t, tr, { handedOver }] = await Promise.all([getTranslations(), getTranslations("rules"), searchParams]);
  const printable = policy.status === "ISSUED" && policy.validFrom !== null;
  return (
    <>
      <p className="no-print mb-4 flex flex-wrap gap-6">
        <Link href="/staff/office">← {t("staff.office.back")}</Link>
        <Link href="/staff/office/journal">{t("print.record.journalLink")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold" data-testid="policy-title">
        {t("staff.office.recordTitle", { number: policy.number })}
      </h1>
      <PolicyHolderSection holder={policy.holder} />
      <PolicyTermsSection policy={policy} />
      <PaperPolicySection
        printHref={printable ? `/${locale}/staff/policies/${policy.id}/pdf` : null}
        handover={policy.handover}
        handedOverNow={handedOver === "1"}
        form={
          printable && (
            <HandoverForm
              action={recordHandoverAction}
              locale={locale}
              policyId={policy.id}
              holderName={policy.holder.fullName}
              today={todayInBishkek()}
              documentTypes={REPRESENTATIVE_DOCUMENT_TYPES.map((d) => ({ value: d, label: tr(`document.${d}`) }))}
            />
          )
        }
      />
      <PolicyPaymentsSection payments={policy.payments} />
    </>
  );
}
