import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { SummaryList, type SummaryRow } from "@/components/buy/summary-list";
import { now } from "@/lib/dates";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import { formatKgMobile } from "@/lib/people/phone";
import { buyPath, NOT_ELIGIBLE, planForDraft, previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { confirmOrderAction } from "../actions";
import { fullName } from "@/lib/people/full-name";
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
  const tr = await getTranslations("rules");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  const person: SummaryRow[] = [
    identity.pin
      ? { key: "pin", label: t("check.pin"), value: identity.pin, changeHref: stepHref("pin") }
      : {
          key: "document",
          label: t("check.document"),
          value: `${tr(`document.${identity.documentType!}`)}, ${identity.documentNumber}`,
          changeHref: stepHref("document"),
        },
    ...(identity.pin
      ? []
      : [
          {
            key: "birthDate",
            label: t("check.birthDate"),
            value: day(identity.birthDate),
            changeHref: stepHref("document"),
          },
          { key: "sex", label: t("check.sex"), value: t(`document.${identity.sex}`), changeHref: stepHref("document") },
        ]),
    {
      key: "name",
      label: t("check.name"),
      value: fullName({
        lastName: draft.lastName ?? "",
        firstName: draft.firstName ?? "",
        patronymic: draft.patronymic,
      }),
      changeHref: stepHref("name"),
    },
    { key: "phone", label: t("check.phone"), value: formatKgMobile(draft.phone!), changeHref: stepHref("phone") },
  ];
  const policy: SummaryRow[] = [
    {
      key: "category",
      label: t("check.category"),
      value: tr(`category.${plan.category}.name`),
      changeHref: stepHref("category"),
    },
    {
      key: "term",
      label: t("check.term"),
      value: tr("term.months", { count: plan.termMonths }),
      changeHref: stepHref("term"),
    },
    { key: "price", label: t("check.price"), value: tc("som", { amount: plan.priceSom }) },
    {
      key: "period",
      label: t("check.period"),
      value: t("check.periodText", { from: day(plan.validFrom), to: day(plan.validTo) }),
    },
  ];
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
        <h2 className="mb-2 text-xl font-bold">{t("check.personTitle")}</h2>
        <SummaryList rows={person} changeLabel={t("change")} />
        <h2 className="mb-2 text-xl font-bold">{t("check.policyTitle")}</h2>
        <SummaryList rows={policy} changeLabel={t("change")} />
        <div className="mb-6 border-l-8 border-[var(--color-brand)] bg-blue-50 p-4">
          <p data-testid="check-note">
            {draft.instalment === "SECOND_HALF"
              ? t("check.secondHalfNote", { to: day(plan.validTo) })
              : plan.instalments
                ? t("check.firstHalfNote", {
                    second: tc("som", { amount: plan.instalments.secondSom }),
                    by: day(plan.instalments.secondInstalmentDueBy),
                    to: day(plan.instalments.fullValidTo),
                  })
                : plan.isRenewal && draft.currentPolicyEnd
                  ? t("check.renewalNote", { end: day(draft.currentPolicyEnd) })
                  : t("check.fiveDays")}
          </p>
        </div>
        <p className="mb-6">{t("check.declaration")}</p>
      </StepForm>
    </>
  );
}
