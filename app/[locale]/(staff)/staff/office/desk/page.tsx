import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PersonSearch } from "@/components/desk/person-search";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { searchPeopleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.search"))("title") };
}

/** The clerk's desk (issue 12): find the person at the window, or register them. */
export default async function DeskPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("office.workspace", locale);
  const t = await getTranslations("desk.search");
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("lead")}</p>
      <PersonSearch action={searchPeopleAction} />
      <p className="mt-6">
        <Link href="/staff/office/people/new" data-testid="register-person">
          {t("register")}
        </Link>
      </p>
    </>
  );
}
