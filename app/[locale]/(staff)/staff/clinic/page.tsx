import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegistrationSearch } from "@/components/clinic/registration-search";
import { RegistrationsTable } from "@/components/clinic/registrations-table";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { findHealthOrganizationName } from "@/lib/offices/queries";
import { listPregnancyRegistrations, PREGNANCY_PAGE_SIZE } from "@/lib/pregnancy/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { searchPregnancyAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ soon?: string; page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clinic"))("title") };
}

/** The family doctor's register of pregnant women (issue 13). No personal data in the URL: only the filter and page. */
export default async function ClinicPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("clinic.workspace", locale);
  const query = await searchParams;
  const page = Math.max(1, Number(query.page) || 1);
  const endsSoon = query.soon === "1";
  const [t, list, name] = await Promise.all([
    getTranslations("clinic"),
    listPregnancyRegistrations(user, todayInBishkek(), { endsSoon, page }),
    findHealthOrganizationName(user.healthOrganizationId, locale),
  ]);
  const pageCount = Math.max(1, Math.ceil(list.total / PREGNANCY_PAGE_SIZE));
  const href = (p: number, soon = endsSoon) =>
    `/staff/clinic?${new URLSearchParams({ ...(soon ? { soon: "1" } : {}), page: String(p) })}`;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4" data-testid="clinic-name">
        {t("lead", { organization: name })}
      </p>
      <p className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/staff/clinic/register" className="font-bold" data-testid="register-link">
          {t("registerLink")}
        </Link>
        <Link href={endsSoon ? "/staff/clinic" : href(1, true)} data-testid="ends-soon-filter">
          {endsSoon ? t("all") : t("endsSoon")}
        </Link>
      </p>
      <RegistrationSearch action={searchPregnancyAction}>
        <RegistrationsTable rows={list.rows} caption={t("title")} />
        {pageCount > 1 && (
          <nav aria-label={t("pages")} className="mt-4 flex flex-wrap gap-5">
            {page > 1 && <Link href={href(page - 1)}>{t("previous")}</Link>}
            <span>{t("pageOf", { page, count: pageCount })}</span>
            {page < pageCount && <Link href={href(page + 1)}>{t("next")}</Link>}
          </nav>
        )}
      </RegistrationSearch>
    </>
  );
}
