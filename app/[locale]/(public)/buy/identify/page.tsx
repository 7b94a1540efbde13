import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { identifyAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("identify.title") };
}

export default async function IdentifyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "identify");
  const t = await getTranslations("buy");
  return (
    <>
      <BackLink href={stepHref(null)} label={t("back")} />
      <StepForm
        action={identifyAction}
        testId="buy-identify"
        title={t("identify.title")}
        lead={t("identify.hint")}
        hidden={{ locale }}
        defaults={{ idKind: draft.idKind ?? "" }}
        submitLabel={t("continue")}
        fields={[
          {
            kind: "radios",
            name: "idKind",
            label: t("identify.title"),
            options: [
              { value: "PIN", label: t("identify.PIN") },
              { value: "DOCUMENT", label: t("identify.DOCUMENT"), hint: t("identify.DOCUMENTHint") },
            ],
          },
        ]}
      />
    </>
  );
}
