import "server-only";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { routing, type Locale } from "@/lib/i18n/routing";

type LocaleParams = Promise<{ locale: string }>;

/** Every page starts here: its language from the URL (an unknown one is a 404), set for static rendering. */
export async function enterPage(params: LocaleParams): Promise<Locale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** The language of a page's metadata (its <title>): the URL's, or the default for an unknown one. */
export async function localeOf(params: LocaleParams): Promise<Locale> {
  const { locale } = await params;
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}
