import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dayToInstant } from "@/lib/dates";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { RefundCaseView } from "@/lib/refunds/view-models";
import { lastRefundClaimDay } from "@/lib/rules";

/** A refund case as a list of facts: the policy and its payment, the claim, the decision and the transfer. */
export async function CaseSummary({ view, officeName }: { view: RefundCaseView; officeName: string | null }) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const day = (d: string) => format.dateTime(dayToInstant(d), { dateStyle: "long" });
  const som = (n: number) => t("common.som", { amount: n });
  const reason =
    view.reason && t.has(dynamicKey(`rules.refusal.${view.reason}`))
      ? t(dynamicKey(`rules.refusal.${view.reason}`))
      : view.reason;
  const rows: [string, string, string | null][] = [
    ["state", t("refunds.case.state"), t(`refunds.state.${view.state}`)],
    ["ground", t("refunds.case.ground"), t(`refunds.ground.${view.ground}`)],
    ["office", t("refunds.case.office"), officeName ?? t("refunds.case.systemOpened")],
    ["policy", t("refunds.case.policy"), view.policyNumber],
    ["holder", t("refunds.case.holder"), view.holder || null],
    ["paymentDay", t("refunds.case.paymentDay"), view.paymentDay && day(view.paymentDay)],
    [
      "validity",
      t("refunds.case.validity"),
      view.validFrom && view.validTo
        ? t("refunds.case.validityRange", { from: day(view.validFrom), to: day(view.validTo) })
        : null,
    ],
    [
      "claimDeadline",
      t("refunds.case.claimDeadline"),
      view.ground === "DEATH" && view.paymentDay ? day(lastRefundClaimDay(view.paymentDay)) : null,
    ],
    ["provider", t("refunds.case.provider"), view.providerTxnId && `${view.channel ?? ""} ${view.providerTxnId}`],
    ["reason", t("refunds.case.reason"), reason],
    ["amount", t("refunds.case.amount"), som(view.amountSom)],
    [
      "claimant",
      t("refunds.case.claimant"),
      view.claimantName &&
        `${view.claimantName}, ${view.claimantDocument ?? ""} (${view.claimantRelation ? t(dynamicKey(`rules.claimant.${view.claimantRelation}`)) : ""})`,
    ],
    ["bank", t("refunds.case.bank"), view.bankName && `${view.bankName}, ${view.bankAccount ?? ""}`],
    ["outgoingNumber", t("refunds.case.outgoingNumber"), view.outgoingNumber],
    ["preparedBy", t("refunds.case.preparedBy"), view.preparedBy],
    ["decidedBy", t("refunds.case.decidedBy"), view.decidedBy],
    ["decisionNote", t("refunds.case.decisionNote"), view.decisionNote],
    [
      "treasury",
      t("refunds.case.treasury"),
      view.treasuryRef && view.treasuryDate
        ? t("refunds.case.treasuryRange", { ref: view.treasuryRef, date: day(view.treasuryDate) })
        : null,
    ],
  ];
  return (
    <dl className="mb-8 max-w-3xl border-t border-[var(--color-line)]" lang={locale}>
      {rows
        .filter((r): r is [string, string, string] => Boolean(r[2]))
        .map(([key, label, value]) => (
          <div key={key} className="grid gap-x-6 border-b border-[var(--color-line)] py-2 md:grid-cols-[16rem_1fr]">
            <dt className="font-bold">{label}</dt>
            <dd data-testid={`case-${key}`}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
