import "server-only";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { routing, type Locale } from "@/lib/i18n/routing";
import type { BuyDraft } from "@/lib/orders/draft";
import { readDraft } from "./buy-draft-cookie";
import { buyPath, guardStep, type BuyStep } from "@/lib/orders/journey";

/** Every journey page: its language, the draft, and a redirect to the first unanswered question if it skipped one. */
export async function loadStep(
  params: Promise<{ locale: string }>,
  step: BuyStep | null,
): Promise<{ locale: Locale; draft: BuyDraft }> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const draft = await readDraft();
  if (step) {
    const target = guardStep(draft, step);
    if (target) redirect(buyPath(locale, target));
  }
  return { locale, draft };
}
