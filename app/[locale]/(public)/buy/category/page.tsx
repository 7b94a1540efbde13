import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { categoryChoices, previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { categoryAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("category.title") };
}

export default async function CategoryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "category");
  const t = await getTranslations("buy");
  const tr = await getTranslations("rules");
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "category"))} label={t("back")} />
      <StepForm
        action={categoryAction}
        testId="buy-category"
        title={t("category.title")}
        lead={t("category.hint")}
        hidden={{ locale }}
        defaults={{ category: draft.category ?? "" }}
        submitLabel={t("continue")}
        fields={[
          {
            kind: "radios",
            name: "category",
            label: t("category.title"),
            options: categoryChoices(draft).map((c) => ({
              value: c,
              label: tr(`category.${c}.name`),
              hint: tr(`category.${c}.description`),
            })),
          },
        ]}
      >
        <details className="mb-6 max-w-2xl">
          <summary className="cursor-pointer text-[var(--color-brand)] underline">{t("category.notSoldTitle")}</summary>
          <div className="mt-2 border-l-4 border-[var(--color-line)] pl-4">
            <p className="mb-2">
              <strong>{tr("category.PREGNANT.name")}.</strong> {t("category.pregnant")}
            </p>
            <p>
              <strong>{tr("category.EAEU_CHILD.name")}.</strong> {t("category.eaeuChild")}
            </p>
          </div>
        </details>
      </StepForm>
    </>
  );
}
