"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** Links to the same page in the other language(s); each link names its language in that language. */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("language")} className="flex gap-3 text-sm">
      {routing.locales.map((l) =>
        l === locale ? (
          <span key={l} aria-current="true" className="font-bold">
            {t(`languageNames.${l}`)}
          </span>
        ) : (
          <Link
            key={l}
            href={pathname}
            locale={l}
            lang={l}
            hrefLang={l}
            aria-label={t("switchTo", { language: t(`languageNames.${l}`) })}
            className="text-white"
            data-testid={`lang-${l}`}
          >
            {t(`languageNames.${l}`)}
          </Link>
        ),
      )}
    </nav>
  );
}
