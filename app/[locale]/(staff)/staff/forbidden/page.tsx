import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "auth" }))("forbiddenTitle") };
}

export default async function ForbiddenPage({ params }: { params: Promise<{ locale: string }> }) {
  await enterPage(params);
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold" data-testid="forbidden">
        {t("forbiddenTitle")}
      </h1>
      <p className="mb-4">{t("forbiddenText")}</p>
      <Link href="/staff">{t("toWorkspace")}</Link>
    </>
  );
}
