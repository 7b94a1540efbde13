import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/buy/print-button";
import { SummaryList } from "@/components/buy/summary-list";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import { PageLink } from "@/lib/i18n/page-link";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { PaidReceipt } from "@/lib/orders/receipt";
import { formatKgMobile } from "@/lib/people/phone";

/**
 * The electronic policy (cl. 18) with its dates and the 5-day rule in words (cl. 5), what happens next, and a
 * printable record (print styles and the PDF receipt).
 */
export async function PaidOrder({ receipt: r, receiptHref }: { receipt: PaidReceipt; receiptHref: string }) {
  const [root, t, tr, tc, format] = await Promise.all([
    getTranslations(),
    getTranslations("buy"),
    getTranslations("rules"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  const identityRow =
    r.identity.kind === "PIN"
      ? { key: "pin", label: t("check.pin"), value: r.identity.pin }
      : {
          key: "document",
          label: t("order.documentLabel"),
          value: `${root(dynamicKey(`rules.document.${r.identity.documentType}`))}, ${r.identity.documentNumber}`,
        };
  const dates = { paid: day(r.paymentDay), from: day(r.validFrom), to: day(r.validTo) };
  return (
    <article data-testid="order-paid" className="max-w-3xl">
      <div className="mb-8 bg-[var(--color-success)] p-6 text-center text-white">
        <h1 className="mb-4 text-3xl font-bold">{t("order.titlePaid")}</h1>
        <p className="text-lg">{t("order.numberLabel")}</p>
        <p className="text-3xl font-bold tracking-wide" data-testid="policy-number">
          {r.policyNumber}
        </p>
      </div>
      <SummaryList
        changeLabel={t("change")}
        rows={[
          { key: "holder", label: t("order.holder"), value: r.holder },
          identityRow,
          { key: "category", label: t("order.category"), value: tr(`category.${r.category}.name`) },
          { key: "term", label: t("order.term"), value: tr("term.months", { count: r.termMonths }) },
          { key: "price", label: t("order.price"), value: tc("som", { amount: r.amountSom }) },
          { key: "paymentDay", label: t("order.paymentDay"), value: day(r.paymentDay) },
          { key: "validFrom", label: t("order.validFrom"), value: day(r.validFrom) },
          { key: "validTo", label: t("order.validTo"), value: day(r.validTo) },
          { key: "reference", label: t("order.reference"), value: r.reference },
        ]}
      />
      <h2 className="mb-2 text-xl font-bold">{t("order.fiveDaysTitle")}</h2>
      <p className="mb-6 border-l-8 border-[var(--color-brand)] bg-blue-50 p-4 text-lg" data-testid="five-days">
        {r.isRenewal ? t("order.renewalText", dates) : t("order.fiveDaysText", dates)}
      </p>
      <h2 className="mb-2 text-xl font-bold">{t("order.whatNextTitle")}</h2>
      <ul className="mb-6 list-disc space-y-2 pl-6">
        <li>{t("order.sms", { phone: formatKgMobile(r.phone), from: day(r.validFrom) })}</li>
        <li>
          <PageLink href="/status">{t("order.status")}</PageLink>
        </li>
        <li>{t("order.keep")}</li>
      </ul>
      <div className="no-print flex flex-wrap items-center gap-6">
        <PrintButton label={t("order.print")} />
        <a href={receiptHref} data-testid="receipt-pdf" download>
          {t("order.pdf")}
        </a>
        <PageLink href="/buy">{t("order.buyAnother")}</PageLink>
      </div>
    </article>
  );
}
