import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageLink } from "@/lib/i18n/page-link";
import { enterPage, localeOf } from "@/lib/web/page-locale";

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "appeals.file" });
  return { title: t("filedTitle") };
}

/** The confirmation: the appeal's number (it reveals nothing without the PIN) and what happens next. */
export default async function AppealFiledPage({ params }: Props) {
  await enterPage(params);
  const { number } = await params;
  const t = await getTranslations("appeals.file");
  const safe = /^A-\d{4}-\d{6}$/.test(number) ? number : "";
  return (
    <>
      <div className="mb-6 bg-[var(--color-success)] p-6 text-white">
        <h1 className="mb-2 text-3xl font-bold">{t("filedTitle")}</h1>
        <p className="text-xl" data-testid="appeal-number">
          {t("filedNumber", { number: safe })}
        </p>
      </div>
      <p className="mb-4 max-w-2xl">{t("filedNext")}</p>
      <PageLink href="/appeals/status">{t("statusLink")}</PageLink>
    </>
  );
}
