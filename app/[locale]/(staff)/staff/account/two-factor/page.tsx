import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { TwoFactorEnrolForm } from "@/components/staff/two-factor-enrol-form";
import { secondFactorRequired } from "@/lib/auth/second-factor";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { enrolmentOffer } from "@/lib/web/second-factor-enrolment";
import { staffSessionState } from "@/lib/web/session";
import { enrolSecondFactorAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "security.account" }))("twoFactorTitle") };
}

/** Enrolling the second factor: where refund officers and admins are sent before anything else. */
export default async function TwoFactorPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const state = await staffSessionState();
  if (state.kind === "none") redirect(`/${locale}/staff/sign-in`);
  const t = await getTranslations("security.account");
  if (state.kind === "ok" && state.secondFactorEnrolled) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t("twoFactorTitle")}</h1>
        <p data-testid="two-factor-on">{t("twoFactorOn")}</p>
      </>
    );
  }
  const offer = await enrolmentOffer(state.user.id, state.user.login);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("twoFactorTitle")}</h1>
      <p className="mb-6 max-w-2xl" data-testid="two-factor-lead">
        {secondFactorRequired(state.user.role) ? t("twoFactorRequired") : t("twoFactorOptional")}
      </p>
      <TwoFactorEnrolForm action={enrolSecondFactorAction} {...offer} continueHref={`/${locale}/staff`} />
    </>
  );
}
