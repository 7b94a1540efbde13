import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusForm } from "@/components/status/status-form";
import { checkStatusAction } from "./actions";
import { enterPage, localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "status" });
  return { title: t("title") };
}

export default async function StatusPage({ params }: { params: Promise<{ locale: string }> }) {
  await enterPage(params);
  const t = await getTranslations("status");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <StatusForm action={checkStatusAction} />
    </>
  );
}
