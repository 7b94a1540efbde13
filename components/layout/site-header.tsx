import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const tb = await getTranslations("buy");
  return (
    <header className="no-print bg-[var(--color-brand)] text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-white no-underline">
          <span className="block text-lg font-bold leading-tight">{t("portalName")}</span>
          <span className="block text-sm">{t("fundName")}</span>
        </Link>
        <LanguageSwitch />
      </div>
      <nav aria-label={t("nav.label")} className="border-t border-white/30">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-5 px-4 py-2 text-sm">
          <li>
            <Link href="/" className="text-white">
              {t("nav.home")}
            </Link>
          </li>
          <li>
            <Link href="/status" className="text-white">
              {t("nav.status")}
            </Link>
          </li>
          <li>
            <Link href="/buy" className="text-white">
              {tb("navLink")}
            </Link>
          </li>
          <li>
            <Link href="/staff" className="text-white">
              {t("nav.staff")}
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
