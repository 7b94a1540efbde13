import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppealStatusForm } from "@/components/appeals/appeal-status-form";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { appealStatusAction } from "../actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "appeals.status" });
  return { title: t("title") };
}

/** The citizen checks an appeal's status with its number and their PIN (posted, never in the URL). */
export default async function AppealStatusPage({ params }: Props) {
  const locale = await enterPage(params);
  const t = await getTranslations("appeals.status");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <AppealStatusForm
        action={appealStatusAction}
        locale={locale}
        labels={{ number: t("number"), numberHint: t("numberHint"), pin: t("pin"), submit: t("submit") }}
      />
    </>
  );
}
