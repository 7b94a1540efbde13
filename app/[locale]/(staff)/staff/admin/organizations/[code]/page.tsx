import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { findHealthOrganizationForAdmin } from "@/lib/administration/queries";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { updateHealthOrganizationAction } from "../../reference-actions";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.offices"))("title") };
}

/** One health organization's names (issue 15); its office stays (its doctors and their policies belong to it). */
export default async function OrganizationPage({ params }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const { code } = await params;
  const org = await findHealthOrganizationForAdmin(user, code);
  if (!org) notFound();
  const t = await getTranslations("administration");
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin/offices">{t("offices.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("offices.editOrganization", { code: org.code })}</h1>
      <p className="mb-6">
        {t("offices.office")}: {locale === "ky" ? org.office.nameKy : org.office.nameRu}
      </p>
      <section className="max-w-2xl">
        <AdminForm
          action={updateHealthOrganizationAction}
          testId="organization-edit-form"
          hidden={{ code: org.code, officeCode: org.office.code }}
          submitLabel={t("common.save")}
          successText={t("common.saved")}
          fields={[
            { name: "nameRu", label: t("offices.nameRu"), defaultValue: org.nameRu },
            { name: "nameKy", label: t("offices.nameKy"), defaultValue: org.nameKy },
          ]}
        />
      </section>
    </>
  );
}
