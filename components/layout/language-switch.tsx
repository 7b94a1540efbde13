"use client";

import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/**
 * Links to the same page in the other language(s); each link names its language in that language. The query string
 * goes along: the test bank's checkout page is `?session=…`, and switching language there must not lose the payment.
 * A static page renders the links without the query first (useSearchParams needs the browser), then with it.
 */
export function LanguageSwitch() {
  return (
    <Suspense fallback={<LanguageLinks query="" />}>
      <LanguageLinksKeepingQuery />
    </Suspense>
  );
}

function LanguageLinksKeepingQuery() {
  return <LanguageLinks query={useSearchParams().toString()} />;
}

function LanguageLinks({ query }: { query: string }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const pathname = usePathname();
  const href = query ? `${pathname}?${query}` : pathname;
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
            href={href}
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
