import type { Metadata } from "next";
import { translatorFor } from "@/lib/i18n/translate";
import { routing } from "@/lib/i18n/routing";
import "./globals.css";

const t = translatorFor(routing.defaultLocale);

export const metadata: Metadata = { title: t("common.notFound.title") };

/**
 * A path outside both languages (`/xx/…`): the root layout has no <html> (the language lives in app/[locale]), so
 * this page is a whole document, in Russian with a link to each language's home page.
 */
export default function RootNotFound() {
  return (
    <html lang={routing.defaultLocale}>
      <body className="font-sans text-base leading-relaxed">
        <main className="mx-auto w-full max-w-5xl px-4 py-8">
          <h1 className="mb-4 text-3xl font-bold">{t("common.notFound.title")}</h1>
          <p className="mb-4">{t("common.notFound.text")}</p>
          <ul className="flex gap-5">
            {routing.locales.map((l) => (
              <li key={l}>
                <a href={`/${l}`} lang={l} hrefLang={l}>
                  {translatorFor(l)("common.notFound.home")}
                </a>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}
