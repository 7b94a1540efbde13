import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { staffSessionState } from "@/lib/web/session";
import { enterPage, localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "auth" }))("signInTitle") };
}

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const state = await staffSessionState();
  if (state.kind === "ok") redirect(`/${locale}/staff`);
  // a refund officer or admin without a second factor enrols one before anything else
  if (state.kind === "enrol") redirect(`/${locale}/staff/account/two-factor`);
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("signInTitle")}</h1>
      <p className="mb-6 max-w-2xl">{t("signInLead")}</p>
      <SignInForm />
    </>
  );
}
