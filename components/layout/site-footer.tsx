import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="no-print mt-16 border-t-4 border-[var(--color-brand)] bg-gray-100">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-[var(--color-muted)]">
        <p className="font-bold text-[var(--color-ink)]">{t("fundName")}</p>
        <p>{t("footer.hotline")}</p>
        <p>{t("footer.basis")}</p>
      </div>
    </footer>
  );
}
