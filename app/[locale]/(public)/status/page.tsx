import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusForm, type StatusFormLabels } from "@/components/status/status-form";
import { StatusModeLink } from "@/components/status/status-mode-link";
import { buyForPinAction, checkStatusAction, checkStatusByDocumentAction } from "./actions";
import { enterPage, localeOf } from "@/lib/web/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ by?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "status" });
  return { title: t("title") };
}

/** The status check; `?by=document` is the "I have no PIN" path of a foreigner (SPEC §8) — a mode, never data. */
export default async function StatusPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const t = await getTranslations("status");
  const byDocument = (await searchParams).by === "document";
  const labels: StatusFormLabels = {
    pinLabel: t("pinLabel"),
    pinHint: t("pinHint"),
    documentLabel: t("documentLabel"),
    documentHint: t("documentHint"),
    dateLabel: t("dateLabel"),
    dateHint: t("dateHint"),
    submit: t("submit"),
    checking: t("checking"),
    buyForPin: t("buyForPin"),
  };
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{byDocument ? t("documentLead") : t("lead")}</p>
      {byDocument ? (
        <StatusForm action={checkStatusByDocumentAction} by="document" locale={locale} labels={labels} />
      ) : (
        <StatusForm action={checkStatusAction} buyAction={buyForPinAction} locale={locale} labels={labels} />
      )}
      <StatusModeLink byDocument={byDocument} />
    </>
  );
}
