import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { nameAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("name.title") };
}

export default async function NamePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "name");
  const t = await getTranslations("buy");
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "name"))} label={t("back")} />
      <StepForm
        action={nameAction}
        testId="buy-name"
        title={t("name.title")}
        lead={t("name.hint")}
        hidden={{ locale }}
        defaults={{
          lastName: draft.lastName ?? "",
          firstName: draft.firstName ?? "",
          patronymic: draft.patronymic ?? "",
        }}
        submitLabel={t("continue")}
        fields={[
          { kind: "text", name: "lastName", label: t("name.lastName"), autoComplete: "family-name", spellCheck: false },
          {
            kind: "text",
            name: "firstName",
            label: t("name.firstName"),
            autoComplete: "given-name",
            spellCheck: false,
          },
          {
            kind: "text",
            name: "patronymic",
            label: t("name.patronymic"),
            autoComplete: "additional-name",
            spellCheck: false,
          },
        ]}
      />
    </>
  );
}
