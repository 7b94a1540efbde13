import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PolicyTable } from "@/components/staff/policy-table";
import { requirePermission } from "@/lib/web/session";
import { findOfficeName } from "@/lib/offices/queries";
import { findOfficeJournal } from "@/lib/policies/queries";
import type { Locale } from "@/lib/i18n/routing";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.office"))("title") };
}

export default async function OfficeJournalPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const locale = await enterPage(params);
  const user = await requirePermission("office.workspace", locale);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [t, { rows }, officeName] = await Promise.all([
    getTranslations("staff.office"),
    findOfficeJournal(user, page),
    findOfficeName(user.officeId, (await getLocale()) as Locale),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6" data-testid="office-name">
        {t("lead", { office: officeName })}
      </p>
      <PolicyTable rows={rows} caption={t("title")} recordHref={(id) => `/staff/office/policies/${id}`} />
    </>
  );
}
