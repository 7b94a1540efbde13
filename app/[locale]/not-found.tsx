import { getTranslations } from "next-intl/server";
import { PageLink } from "@/lib/i18n/page-link";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4">{t("text")}</p>
      <PageLink href="/">{t("home")}</PageLink>
    </>
  );
}
