import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** Previous / next pages of the journal, keeping its filters. */
export async function JournalPager({
  params,
  page,
  pageCount,
}: {
  params: Record<string, string>;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("print.journal");
  const href = (p: number) => `/staff/office/journal?${new URLSearchParams({ ...params, page: String(p) })}`;
  return (
    <nav aria-label={t("pages")} className="mt-4 flex flex-wrap gap-5">
      {page > 1 && <Link href={href(page - 1)}>{t("previous")}</Link>}
      <span>{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount && <Link href={href(page + 1)}>{t("next")}</Link>}
    </nav>
  );
}
