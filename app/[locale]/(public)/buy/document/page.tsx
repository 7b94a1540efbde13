import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { BUY_DOCUMENT_TYPES } from "@/lib/orders/buy.schema";
import { previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { documentAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("document.title") };
}

export default async function DocumentPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "document");
  const t = await getTranslations("buy");
  const tr = await getTranslations("rules");
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "document"))} label={t("back")} />
      <StepForm
        action={documentAction}
        testId="buy-document"
        title={t("document.title")}
        hidden={{ locale }}
        defaults={{
          documentType: draft.documentType ?? "",
          documentNumber: draft.documentNumber ?? "",
          birthDate: draft.birthDate ?? "",
          sex: draft.sex ?? "",
        }}
        submitLabel={t("continue")}
        fields={[
          {
            kind: "select",
            name: "documentType",
            label: t("document.documentType"),
            options: [
              { value: "", label: t("document.choose") },
              ...BUY_DOCUMENT_TYPES.map((d) => ({ value: d, label: tr(`document.${d}`) })),
            ],
          },
          {
            kind: "text",
            name: "documentNumber",
            label: t("document.documentNumber"),
            hint: t("document.documentNumberHint"),
            width: "short",
            spellCheck: false,
          },
          {
            kind: "text",
            name: "birthDate",
            type: "date",
            label: t("document.birthDate"),
            hint: t("document.birthDateHint"),
            width: "short",
            autoComplete: "bday",
          },
          {
            kind: "radios",
            name: "sex",
            label: t("document.sex"),
            options: [
              { value: "FEMALE", label: t("document.FEMALE") },
              { value: "MALE", label: t("document.MALE") },
            ],
          },
        ]}
      />
    </>
  );
}
