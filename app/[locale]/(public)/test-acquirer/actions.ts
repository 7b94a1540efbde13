"use server";

import { redirect } from "next/navigation";
import { now } from "@/lib/dates";
import { routing } from "@/lib/i18n/routing";
import { decideTestCheckout } from "@/lib/payments/acquirer/test-acquirer";

/** "Pay" or "Decline" on the TEST bank page. Plain form post: works without JavaScript. */
export async function decideTestCheckoutAction(formData: FormData): Promise<void> {
  const token = String(formData.get("session") ?? "");
  const decision = formData.get("decision") === "DECLINED" ? "DECLINED" : "CONFIRMED";
  const returnUrl = await decideTestCheckout(token, decision, now());
  const locale = routing.locales.find((l) => l === formData.get("locale")) ?? routing.defaultLocale;
  redirect(returnUrl ? inLocale(returnUrl, locale) : `/${locale}/test-acquirer`);
}

/** Back to the order in the language the person switched to on the bank's page (the order was opened in another). */
function inLocale(returnUrl: string, locale: string): string {
  const prefix = new RegExp(`/(${routing.locales.join("|")})/orders/`);
  return returnUrl.replace(prefix, `/${locale}/orders/`);
}
