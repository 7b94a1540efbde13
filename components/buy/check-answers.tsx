import { getFormatter, getTranslations } from "next-intl/server";
import { SummaryList, type SummaryRow } from "@/components/buy/summary-list";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import type { BuyDraft } from "@/lib/orders/draft";
import { stepHref, type Identity } from "@/lib/orders/journey";
import { fullName } from "@/lib/people/full-name";
import { formatKgMobile } from "@/lib/people/phone";
import type { PurchasePlan } from "@/lib/rules";

type OkPlan = Extract<PurchasePlan, { ok: true }>;

/** Check your answers (GOV.UK): who the policy is for, what it is, its price and dates, with "Change" links. */
export async function CheckAnswers({ draft, plan, identity }: { draft: BuyDraft; plan: OkPlan; identity: Identity }) {
  const [t, tr, tc, format] = await Promise.all([
    getTranslations("buy"),
    getTranslations("rules"),
    getTranslations("common"),
    getFormatter(),
  ]);
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
    </>
  );
}
