import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { CheckAnswers } from "@/components/buy/check-answers";
import { now } from "@/lib/dates";
import { buyPath, NOT_ELIGIBLE, planForDraft, previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { confirmOrderAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";
import { OnlinePaymentUnavailable } from "@/components/security/online-payment-unavailable";
import { isOnlinePaymentAvailable } from "@/lib/payments/acquirer/mode";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("check.title") };
}

/** GOV.UK check-your-answers, with the rules' price and dates for a payment made now (cl. 5; cost 1.1–1.3). */
export default async function CheckPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "check");
  if (!isOnlinePaymentAvailable()) return <OnlinePaymentUnavailable />;
  const planned = await planForDraft(draft, now());
  if (!planned || !planned.plan.ok) redirect(buyPath(locale, NOT_ELIGIBLE));
  const { plan, identity } = planned;
  const t = await getTranslations("buy");
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "check"))} label={t("back")} />
      <StepForm
        action={confirmOrderAction}
        testId="buy-check"
        title={t("check.title")}
        hidden={{ locale }}
        defaults={{}}
        submitLabel={t("check.confirm")}
        fields={[]}
      >
        <CheckAnswers draft={draft} plan={plan} identity={identity} />
        <p className="mb-6">{t("check.declaration")}</p>
      </StepForm>
    </>
  );
}
