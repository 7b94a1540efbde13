import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicationsTable } from "@/components/desk/applications-table";
import { listOfficeApplications } from "@/lib/applications/queries";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ due?: string; page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.list"))("title") };
}

/** The office's walk-in applications (cl. 13, 15): what is due today and what is overdue, from the Fund's calendar. */
export default async function ApplicationsPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("office.workspace", locale);
  const { due, page } = await searchParams;
  const onlyDue = due === "1";
  const [t, list] = await Promise.all([
    getTranslations("desk.list"),
    listOfficeApplications(user, todayInBishkek(), { due: onlyDue, page: Number(page) || 1 }),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("lead")}</p>
      <p className="mb-4 font-bold" data-testid="due-counts">
        {t("counts", { today: list.dueToday, overdue: list.overdue })}
      </p>
      <nav aria-label={t("title")} className="no-print mb-6 flex gap-6">
        <Link href="/staff/office/applications" aria-current={onlyDue ? undefined : "page"}>
          {t("all")}
        </Link>
        <Link href="/staff/office/applications?due=1" aria-current={onlyDue ? "page" : undefined}>
          {t("due")}
        </Link>
      </nav>
      <ApplicationsTable rows={list.rows} caption={onlyDue ? t("due") : t("caption")} empty={t("empty")} />
    </>
  );
}
