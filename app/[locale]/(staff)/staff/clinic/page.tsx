import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PolicyTable } from "@/components/staff/policy-table";
import { requirePermission } from "@/lib/web/session";
import { findHealthOrganizationName } from "@/lib/offices/queries";
import { findClinicPolicies } from "@/lib/policies/queries";
import type { Locale } from "@/lib/i18n/routing";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.clinic"))("title") };
}

export default async function ClinicPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("clinic.workspace", locale);
  const [t, rows, name] = await Promise.all([
    getTranslations("staff.clinic"),
    findClinicPolicies(user),
    findHealthOrganizationName(user.healthOrganizationId, (await getLocale()) as Locale),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6" data-testid="clinic-name">
        {t("lead", { organization: name })}
      </p>
      <PolicyTable rows={rows} caption={t("title")} />
    </>
  );
}
