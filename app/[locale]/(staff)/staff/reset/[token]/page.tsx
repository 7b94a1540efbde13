import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { findResetLinkState } from "@/lib/users/queries";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { resetPasswordAction } from "./actions";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "administration.reset" }))("title") };
}

/**
 * A one-time password-reset link (issue 15), opened without a session: a valid link asks for the new password; an
 * expired, used or unknown one says so (translated) and changes nothing.
 */
export default async function ResetPasswordPage({ params }: Props) {
  await enterPage(params);
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations("administration"), findResetLinkState(token)]);
  if (link.state !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t("reset.unusableTitle")}</h1>
        <p className="max-w-2xl" data-testid="reset-unusable">
          {link.state === "expired" ? t("errors.resetLinkExpired") : t("errors.resetLinkInvalid")}
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("reset.title")}</h1>
      <p className="mb-6 max-w-2xl">{t("reset.intro", { login: link.login })}</p>
      <ResetPasswordForm action={resetPasswordAction} token={token} />
    </>
  );
}
