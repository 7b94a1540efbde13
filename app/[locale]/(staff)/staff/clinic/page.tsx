import type { Metadata } from "next";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { PolicyTable } from "@/components/staff/policy-table";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findClinicPolicies } from "@/lib/policies/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.clinic"))("title") };
}

export default async function ClinicPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("clinic.workspace", locale);
  const [t, rows, org] = await Promise.all([
    getTranslations("staff.clinic"),
    findClinicPolicies(user),
    db.healthOrganization.findUnique({ where: { id: user.healthOrganizationId! } }),
  ]);
  const name = (await getLocale()) === "ky" ? org?.nameKy : org?.nameRu;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6" data-testid="clinic-name">{t("lead", { organization: name ?? "" })}</p>
      <PolicyTable rows={rows} caption={t("title")} />
    </>
  );
}
