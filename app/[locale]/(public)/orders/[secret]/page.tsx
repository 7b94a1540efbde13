import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ButtonForm } from "@/components/buy/button-form";
import { PrintButton } from "@/components/buy/print-button";
import { SummaryList } from "@/components/buy/summary-list";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { formatKgMobile } from "@/lib/people/phone";
import { findOrderBySecret } from "@/lib/orders/queries";
import { orderReference } from "@/lib/orders/reference";
import { paidReceipt } from "@/lib/orders/receipt";
import { resumeOrderAction, retryOrderAction } from "../actions";
import { REFUSAL_CODES, type RefusalCode } from "@/lib/rules";

type Props = { params: Promise<{ locale: string; secret: string }> };

export const dynamic = "force-dynamic";

const isRefusalCode = (c: string): c is RefusalCode => (REFUSAL_CODES as readonly string[]).includes(c);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, secret } = await params;
  const order = hasLocale(routing.locales, locale) ? await findOrderBySecret(secret) : null;
  const t = await getTranslations({
    locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale,
    namespace: "buy.order",
  });
  const title = !order
    ? undefined
    : order.status === "PAID"
      ? t("titlePaid")
      : order.status === "PENDING"
        ? t("pendingTitle")
        : order.status === "DECLINED"
          ? t("declinedTitle")
          : order.status === "REJECTED"
            ? t("rejectedTitle")
            : t("expiredTitle");
  // The URL carries a secret: keep it out of search engines and other sites' referrer logs.
  return { title, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The order's confirmation page at a stable URL that only its secret opens (a wrong secret is a plain 404). Shows
 * the electronic policy (cl. 18) with its dates and the 5-day rule in words (cl. 5), or the payment's state.
 */
export default async function OrderPage({ params }: Props) {
  const { locale, secret } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const order = await findOrderBySecret(secret);
  if (!order) notFound();
  const t = await getTranslations("buy");
  const tr = await getTranslations("rules");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  const hidden = { locale, secret };

  if (order.status === "PENDING") {
    return (
      <section data-testid="order-pending" className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">{t("order.pendingTitle")}</h1>
        <p className="mb-4 text-lg">{t("order.pendingText")}</p>
        <p className="mb-6">
          <Link href={`/orders/${secret}`} data-testid="order-refresh">
            {t("order.refresh")}
          </Link>
        </p>
        <p className="mb-2">{t("order.resumeText")}</p>
        <ButtonForm
          action={resumeOrderAction}
          hidden={hidden}
          label={t("order.resume")}
          variant="secondary"
          testId="order-resume"
        />
        <p className="text-[var(--color-muted)]">
          {t("order.reference")}: <span className="font-mono">{orderReference(order.id)}</span>
        </p>
      </section>
    );
  }

  if (order.status === "REJECTED") {
    // The bank took the money, the rules refused the policy on the payment day: say why and that it comes back.
    const code = order.rejectionReason ?? "";
    const reason = isRefusalCode(code) ? tr(`refusal.${code}`) : t("order.rejectedPriceChanged");
    return (
      <section data-testid="order-rejected" className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">{t("order.rejectedTitle")}</h1>
        <p className="mb-4 text-lg">{reason}</p>
        <p className="mb-4 text-lg">{t("order.rejectedRefund")}</p>
        <p className="mb-6">
          <Link href="/status">{t("order.rejectedStatus")}</Link>
        </p>
        <p className="text-[var(--color-muted)]">
          {t("order.reference")}: <span className="font-mono">{orderReference(order.id)}</span>
        </p>
      </section>
    );
  }

  if (order.status === "DECLINED" || order.status === "EXPIRED") {
    const declined = order.status === "DECLINED";
    return (
      <section data-testid={declined ? "order-declined" : "order-expired"} className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">{t(declined ? "order.declinedTitle" : "order.expiredTitle")}</h1>
        <p className="mb-6 text-lg">{t(declined ? "order.declinedText" : "order.expiredText")}</p>
        <ButtonForm action={retryOrderAction} hidden={hidden} label={t("order.retry")} testId="order-retry" />
        <p className="mb-6">
          <Link href="/buy">{t("order.buyAnother")}</Link>
        </p>
        <p className="text-[var(--color-muted)]">
          {t("order.reference")}: <span className="font-mono">{orderReference(order.id)}</span>
        </p>
      </section>
    );
  }

  const r = paidReceipt(order);
  if (!r) notFound();
  const identityRow =
    r.identity.kind === "PIN"
      ? { key: "pin", label: t("check.pin"), value: r.identity.pin }
      : {
          key: "document",
          label: t("order.documentLabel"),
          value: `${tr(`document.${r.identity.documentType as "FOREIGN_PASSPORT"}`)}, ${r.identity.documentNumber}`,
        };
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
        {r.isRenewal
          ? t("order.renewalText", { paid: day(r.paymentDay), from: day(r.validFrom), to: day(r.validTo) })
          : t("order.fiveDaysText", { paid: day(r.paymentDay), from: day(r.validFrom), to: day(r.validTo) })}
      </p>
      <h2 className="mb-2 text-xl font-bold">{t("order.whatNextTitle")}</h2>
      <ul className="mb-6 list-disc space-y-2 pl-6">
        <li>{t("order.sms", { phone: formatKgMobile(r.phone), from: day(r.validFrom) })}</li>
        <li>
          <Link href="/status">{t("order.status")}</Link>
        </li>
        <li>{t("order.keep")}</li>
      </ul>
      <div className="no-print flex flex-wrap items-center gap-6">
        <PrintButton label={t("order.print")} />
        <a href={`/api/v1/orders/${secret}/receipt?lang=${locale}`} data-testid="receipt-pdf" download>
          {t("order.pdf")}
        </a>
        <Link href="/buy">{t("order.buyAnother")}</Link>
      </div>
    </article>
  );
}
