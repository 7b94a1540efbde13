import { getLocale, getTranslations } from "next-intl/server";
import { PageLink } from "@/lib/i18n/page-link";
import { routing } from "@/lib/i18n/routing";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const tb = await getTranslations("buy");
  const locale = await getLocale();
  const languages = routing.locales.map((l) => ({
    locale: l,
    name: t(`languageNames.${l}`),
    label: t("switchTo", { language: t(`languageNames.${l}`) }),
  }));
  return (
    <header className="no-print bg-[var(--color-brand)] text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <PageLink href="/" className="text-white no-underline">
          <span className="block text-lg font-bold leading-tight">{t("portalName")}</span>
          <span className="block text-sm">{t("fundName")}</span>
        </PageLink>
        <LanguageSwitch current={locale} navLabel={t("language")} languages={languages} />
      </div>
      <nav aria-label={t("nav.label")} className="border-t border-white/30">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-5 px-4 py-2 text-sm">
          <li>
            <PageLink href="/" className="text-white">
              {t("nav.home")}
            </PageLink>
          </li>
          <li>
            <PageLink href="/status" className="text-white">
              {t("nav.status")}
            </PageLink>
          </li>
          <li>
            <PageLink href="/buy" className="text-white">
              {tb("navLink")}
            </PageLink>
          </li>
          <li>
            <PageLink href="/staff" className="text-white">
              {t("nav.staff")}
            </PageLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
