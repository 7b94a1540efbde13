import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { todayInBishkek } from "@/lib/dates";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import { PageLink } from "@/lib/i18n/page-link";
import { assessDraft, buyPath, firstMissingStep, previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { insuredStatusOn, policyPeriodForPayment } from "@/lib/rules";
import { confirmRenewalAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("insured.title") };
}

/** cl. 12.2, 19: already insured by an own policy — "no need to buy"; paying for the next one is allowed (SPEC §3). */
export default async function InsuredPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "insured");
  const today = todayInBishkek();
  const a = await assessDraft({ ...draft, category: undefined }, today);
  const coverage = a ? insuredStatusOn(a.coverage, today).coverage : null;
  if (!a || !coverage || coverage.source !== "policy")
    redirect(buyPath(locale, firstMissingStep({ ...draft, currentPolicyEnd: null })));
  const t = await getTranslations("buy");
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  // The next policy's first day does not depend on its term (SPEC §3): the rules' period for a payment today.
  const nextFrom = policyPeriodForPayment(today, 12, coverage.validTo).validFrom;
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "insured"))} label={t("back")} />
      <StepForm
        action={confirmRenewalAction}
        testId="buy-insured"
        title={t("insured.title")}
        hidden={{ locale }}
        defaults={{}}
        submitLabel={t("insured.renew")}
        fields={[]}
      >
        <div
          data-testid="insured-explanation"
          className="mb-6 max-w-2xl border-l-8 border-[var(--color-success)] bg-green-50 p-4"
        >
          <p className="mb-2 text-xl font-bold">
            {t("insured.text", { number: coverage.policyNumber ?? "", to: day(coverage.validTo) })}
          </p>
          <p>{t("insured.renewal", { from: day(nextFrom) })}</p>
        </div>
      </StepForm>
      <p className="mt-6">
        <PageLink href="/">{t("insured.home")}</PageLink>
      </p>
    </>
  );
}
