"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";

/** One language of the switch: its code, its name in itself, and "switch to …" for screen readers. */
export type LanguageLink = { locale: string; name: string; label: string };

/**
 * Links to the same page in the other language(s); each link names its language in that language. The query string
 * goes along: the test bank's checkout page is `?session=…`, and switching language there must not lose the payment.
 * Plain links (a page load), with texts from the server: no translations in the browser (issue 17). A static page
 * renders the links without the query first (useSearchParams needs the browser), then with it.
 */
export function LanguageSwitch(props: { current: string; navLabel: string; languages: LanguageLink[] }) {
  return (
    <Suspense fallback={<LanguageLinks query="" {...props} />}>
      <LanguageLinksKeepingQuery {...props} />
    </Suspense>
  );
}

function LanguageLinksKeepingQuery(props: { current: string; navLabel: string; languages: LanguageLink[] }) {
  return <LanguageLinks query={useSearchParams().toString()} {...props} />;
}

function LanguageLinks({
  query,
  current,
  navLabel,
  languages,
}: {
  query: string;
  current: string;
  navLabel: string;
  languages: LanguageLink[];
}) {
  // the path after the language prefix (localePrefix "always": every page is /ru/… or /ky/…)
  const rest = usePathname().replace(/^\/[^/]+/, "");
  return (
    <nav aria-label={navLabel} className="flex gap-3 text-sm">
      {languages.map((l) =>
        l.locale === current ? (
          <span key={l.locale} aria-current="true" className="font-bold">
            {l.name}
          </span>
        ) : (
          <a
            key={l.locale}
            href={`/${l.locale}${rest}${query ? `?${query}` : ""}`}
            lang={l.locale}
            hrefLang={l.locale}
            aria-label={l.label}
            className="text-white"
            data-testid={`lang-${l.locale}`}
          >
            {l.name}
          </a>
        ),
      )}
    </nav>
  );
}
