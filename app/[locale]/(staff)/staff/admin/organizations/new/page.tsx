import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { listOfficesWithOrganizations } from "@/lib/administration/queries";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { addHealthOrganizationAction } from "../../reference-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.offices"))("addOrganizationTitle") };
}

/** A new health organization of a territorial office (issue 15). */
export default async function NewOrganizationPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const [t, offices] = await Promise.all([getTranslations("administration"), listOfficesWithOrganizations(user)]);
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin/offices">{t("offices.back")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("offices.addOrganizationTitle")}</h1>
      <section className="max-w-2xl">
        <AdminForm
          action={addHealthOrganizationAction}
          testId="organization-form"
          resetOnSuccess
          submitLabel={t("offices.add")}
          successText={t("offices.added")}
          fields={[
            {
              name: "officeCode",
              label: t("offices.office"),
              options: offices.map((o) => ({ value: o.code, label: locale === "ky" ? o.nameKy : o.nameRu })),
            },
            { name: "code", label: t("offices.code"), hint: t("offices.codeHint") },
            { name: "nameRu", label: t("offices.nameRu") },
            { name: "nameKy", label: t("offices.nameKy") },
          ]}
        />
      </section>
    </>
  );
}
