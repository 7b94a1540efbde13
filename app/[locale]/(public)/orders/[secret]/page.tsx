import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { PaidOrder } from "@/components/orders/paid-order";
import { DeclinedOrder, PendingOrder, RejectedOrder } from "@/components/orders/unpaid-order";
import { routing } from "@/lib/i18n/routing";
import { findOrderBySecret } from "@/lib/orders/queries";
import { orderReference } from "@/lib/orders/reference";
import { paidReceipt } from "@/lib/orders/receipt";
import { resumeOrderAction, retryOrderAction } from "../actions";

type Props = { params: Promise<{ locale: string; secret: string }> };

export const dynamic = "force-dynamic";

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
  // The URL carries a secret: keep it out of search engines and other sites' referrer logs. "same-origin", not
  // "no-referrer": under "no-referrer" a browser sends a form posted from this page (pay again, resume — without
  // JavaScript, and on the light pages always) with `Origin: null`, and Next refuses it as a cross-site action.
  return { title, robots: { index: false, follow: false }, referrer: "same-origin" };
}

/**
 * The order's confirmation page at a stable URL that only its secret opens (a wrong secret is a plain 404): the paid
 * policy, or the state of its payment.
 */
export default async function OrderPage({ params }: Props) {
  const { locale, secret } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const order = await findOrderBySecret(secret);
  if (!order) notFound();
  const reference = orderReference(order.id);
  const hidden = { locale, secret };
  switch (order.status) {
    case "PENDING":
      return <PendingOrder secret={secret} reference={reference} hidden={hidden} resume={resumeOrderAction} />;
    case "REJECTED":
      return <RejectedOrder reason={order.rejectionReason} reference={reference} />;
    case "DECLINED":
    case "EXPIRED":
      return (
        <DeclinedOrder
          declined={order.status === "DECLINED"}
          reference={reference}
          hidden={hidden}
          retry={retryOrderAction}
        />
      );
  }
  const receipt = paidReceipt(order);
  if (!receipt) notFound();
  return <PaidOrder receipt={receipt} receiptHref={`/api/v1/orders/${secret}/receipt?lang=${locale}`} />;
}
