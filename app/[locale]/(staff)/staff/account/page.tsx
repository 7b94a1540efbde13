import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignOutEverywhereForm } from "@/components/staff/sign-out-everywhere-form";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { staffSessionState } from "@/lib/web/session";
import { signOutEverywhereAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "security.account" }))("title") };
}

/** The staff member's own account: the second factor and "sign out everywhere". */
export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const state = await staffSessionState();
  if (state.kind === "none") redirect(`/${locale}/staff/sign-in`);
  if (state.kind === "enrol") redirect(`/${locale}/staff/account/two-factor`);
  const t = await getTranslations("security.account");
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <h2 className="mb-2 text-xl font-bold">{t("twoFactorTitle")}</h2>
      <p className="mb-6">
        {state.secondFactorEnrolled ? t("twoFactorOn") : t("twoFactorOptional")}{" "}
        {!state.secondFactorEnrolled && <a href={`/${locale}/staff/account/two-factor`}>{t("manageTwoFactor")}</a>}
      </p>
      <SignOutEverywhereForm action={signOutEverywhereAction} signInHref={`/${locale}/staff/sign-in`} />
    </>
  );
}
