import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PregnancyForm } from "@/components/clinic/pregnancy-form";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { PREGNANCY_BASE_CATEGORIES, pregnancyDocuments } from "@/lib/rules";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { registerPregnancyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clinic.form"))("title") };
}

/** Registering a pregnancy takes one page (issue 13): the documents of cl. 27 for each category, already translated. */
export default async function RegisterPregnancyPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("pregnancy.register", locale);
  const t = await getTranslations();
  const checklist = PREGNANCY_BASE_CATEGORIES.map((category) => ({
    category,
    label: t(`rules.category.${category}.name`),
    documents: pregnancyDocuments(category).map((d) => ({ code: d.code, label: t(`rules.document.${d.code}`) })),
  }));
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/staff/clinic">← {t("clinic.record.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("clinic.form.title")}</h1>
      <p className="mb-6 max-w-2xl">{t("clinic.form.lead")}</p>
      <PregnancyForm action={registerPregnancyAction} locale={locale} today={todayInBishkek()} checklist={checklist} />
    </>
  );
}
