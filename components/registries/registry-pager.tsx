import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { RegistryKind } from "@/lib/registries/registry.schema";

/** Previous / next pages of a registry list (no page count: counting a million rows is not worth a page view). */
export async function RegistryPager({
  kind,
  params,
  page,
  hasNext,
}: {
  kind: RegistryKind;
  params: Record<string, string>;
  page: number;
  hasNext: boolean;
}) {
  if (page === 1 && !hasNext) return null;
  const t = await getTranslations("registries");
  const href = (p: number) => `/staff/registries/${kind}?${new URLSearchParams({ ...params, page: String(p) })}`;
  return (
    <nav aria-label={t("pages")} className="mt-4 flex flex-wrap gap-5" data-testid="registry-pager">
      {page > 1 && <Link href={href(page - 1)}>{t("previous")}</Link>}
      <span>{t("page", { page })}</span>
      {hasNext && <Link href={href(page + 1)}>{t("next")}</Link>}
    </nav>
  );
}
