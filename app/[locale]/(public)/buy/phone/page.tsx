import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { formatKgMobile } from "@/lib/people/phone";
import { previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { phoneAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("phone.title") };
}

/** cl. 20: the payment carries the beneficiary's mobile phone; the SMS outbox uses it. */
export default async function PhonePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "phone");
  const t = await getTranslations("buy");
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "phone"))} label={t("back")} />
      <StepForm
        action={phoneAction}
        testId="buy-phone"
        title={t("phone.title")}
        hidden={{ locale }}
        defaults={{ phone: draft.phone ? formatKgMobile(draft.phone) : "" }}
        submitLabel={t("continue")}
        fields={[
          {
            kind: "text",
            name: "phone",
            type: "tel",
            label: t("phone.label"),
            hint: t("phone.hint"),
            inputMode: "tel",
            autoComplete: "tel",
            width: "short",
          },
        ]}
      />
    </>
  );
}
