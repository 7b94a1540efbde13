import { getTranslations } from "next-intl/server";
import { RegistryPager } from "@/components/registries/registry-pager";
import { RegistrySearchForm } from "@/components/registries/registry-search-form";
import { RegistryTable } from "@/components/registries/registry-table";
import { RegistryTabs } from "@/components/registries/registry-tabs";
import { listRegistry, REGISTRY_CSV_MAX_ROWS } from "@/lib/registries/queries";
import { ZRegistryParams, type RegistryKind } from "@/lib/registries/registry.schema";
import { openRegistrySearch } from "@/lib/registries/search-token";
import { registryListView } from "@/lib/registries/view-models";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { searchRegistryAction } from "./actions";

export type RegistryPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One national registry list (issue 15): the search (posted, sealed), a page of rows with masked PINs, its CSV. */
export async function RegistryPage({ kind, params, searchParams }: RegistryPageProps & { kind: RegistryKind }) {
  const locale = await enterPage(params);
  const user = await requirePermission("fund.registries", locale);
  const raw = await searchParams;
  const { page, q } = ZRegistryParams.parse({ page: raw.page, q: raw.q });
  const text = openRegistrySearch(q, user.id);
  const [t, list] = await Promise.all([getTranslations("registries"), listRegistry(kind, { text }, page)]);
  const kept: Record<string, string> = text && q ? { q } : {};
  const base = `/${locale}/staff/registries`;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">
        {t("title")}: {t(`tabs.${kind}`)}
      </h1>
      <p className="mb-4">{t("lead")}</p>
      <RegistryTabs current={kind} />
      <RegistrySearchForm action={searchRegistryAction} locale={locale} kind={kind} />
      {text && (
        <p className="mb-4" role="status" data-testid="registry-search-active">
          {t("search.active")} <a href={`${base}/${kind}`}>{t("search.clear")}</a>
        </p>
      )}
      <RegistryTable list={registryListView(kind, list.rows)} page={page} />
      <RegistryPager kind={kind} params={kept} page={page} hasNext={list.hasNext} />
      <p className="mt-4">
        <a
          href={`${base}/csv/${kind}${text && q ? `?${new URLSearchParams(kept)}` : ""}`}
          download
          data-testid="registry-csv"
        >
          {t("csv", { max: REGISTRY_CSV_MAX_ROWS })}
        </a>
      </p>
    </>
  );
}
