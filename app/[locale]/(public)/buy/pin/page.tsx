import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { pinAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("pin.title") };
}

export default async function PinPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "pin");
  const t = await getTranslations("buy");
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "pin"))} label={t("back")} />
      <StepForm
        action={pinAction}
        testId="buy-pin"
        title={t("pin.title")}
        hidden={{ locale }}
        defaults={{ pin: draft.pin ?? "" }}
        submitLabel={t("continue")}
        fields={[
          {
            kind: "text",
            name: "pin",
            label: t("pin.label"),
            hint: t("pin.hint"),
            inputMode: "numeric",
            width: "short",
            spellCheck: false,
          },
        ]}
      />
    </>
  );
}
