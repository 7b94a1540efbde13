import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContractForm } from "@/components/contracts/contract-form";
import { Link } from "@/lib/i18n/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { createContractAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "contracts" }))("form.createTitle") };
}

export default async function NewContractPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("office.workspace", locale);
  const t = await getTranslations("contracts");
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/office/contracts">← {t("detail.back")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("form.createTitle")}</h1>
      <ContractForm action={createContractAction} submitLabel={t("form.create")} />
    </>
  );
}
