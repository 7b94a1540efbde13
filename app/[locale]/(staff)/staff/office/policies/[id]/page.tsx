import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PolicyHolderSection, PolicyPaymentsSection, PolicyTermsSection } from "@/components/staff/policy-record";
import { Link } from "@/lib/i18n/navigation";
import { findOfficePolicy } from "@/lib/policies/queries";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "staff.office" }))("recordPageTitle") };
}

export default async function OfficePolicyPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  // Another office's policy is "not found", exactly like a policy that does not exist (STYLE §4).
  const policy = await findOfficePolicy(user, id);
  if (!policy) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/staff/office">← {t("staff.office.back")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold" data-testid="policy-title">
        {t("staff.office.recordTitle", { number: policy.number })}
      </h1>
      <PolicyHolderSection holder={policy.holder} />
      <PolicyTermsSection policy={policy} />
      <PolicyPaymentsSection payments={policy.payments} />
    </>
  );
}
