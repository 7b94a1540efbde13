import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { findOfficeForAdmin } from "@/lib/administration/queries";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { updateOfficeAction } from "../../reference-actions";
import { officeFields } from "../fields";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.offices"))("title") };
}

/** One office's names, addresses and phone (issue 15); its code stays. */
export default async function OfficePage({ params }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const { code } = await params;
  const office = await findOfficeForAdmin(user, code);
  if (!office) notFound();
  const t = await getTranslations("administration");
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin/offices">{t("offices.back")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("offices.editOffice", { code: office.code })}</h1>
      <section className="max-w-2xl">
        <AdminForm
          action={updateOfficeAction}
          testId="office-edit-form"
          hidden={{ code: office.code }}
          submitLabel={t("common.save")}
          successText={t("common.saved")}
          fields={officeFields(t, office)}
        />
      </section>
    </>
  );
}
