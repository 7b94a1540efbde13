import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";

// Any other path under a language: the language's own 404 (app/[locale]/not-found.tsx), inside its layout, so the
// page has `lang`, the header with the language switch, and a title — not Next's English default.
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "common.notFound" }))("title") };
}

export default async function UnknownPage({ params }: { params: Promise<{ locale: string }> }) {
  await enterPage(params);
  notFound();
}
