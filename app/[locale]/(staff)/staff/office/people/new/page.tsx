import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PersonForm } from "@/components/desk/person-form";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { savePersonAction } from "../../desk/actions";
import { personFormOptions } from "../person-form-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.form"))("registerTitle") };
}

/** Registers a person at the desk (issue 12); a known PIN or document completes that record instead. */
export default async function RegisterPersonPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("office.workspace", locale);
  const [t, ts, options] = await Promise.all([
    getTranslations("desk.form"),
    getTranslations("desk.search"),
    personFormOptions(),
  ]);
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/staff/office/desk">← {ts("title")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("registerTitle")}</h1>
      <p className="mb-6 max-w-2xl">{t("lead")}</p>
      <PersonForm action={savePersonAction} locale={locale} initial={{ category: "CITIZEN" }} {...options} />
    </>
  );
}
