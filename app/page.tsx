import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { routing, type Locale } from "@/lib/i18n/routing";

/** `/` → the visitor's language: the one they chose before (cookie), else their browser's, else Russian. */
export default async function RootPage() {
  const chosen = (await cookies()).get("NEXT_LOCALE")?.value;
  const accept = (await headers()).get("accept-language") ?? "";
  const preferred = accept
    .split(",")
    .map((part) => part.split(";")[0]!.trim().slice(0, 2).toLowerCase())
    .find((l): l is Locale => (routing.locales as readonly string[]).includes(l));
  const locale = (routing.locales as readonly string[]).includes(chosen ?? "")
    ? chosen
    : (preferred ?? routing.defaultLocale);
  redirect(`/${locale}`);
}
