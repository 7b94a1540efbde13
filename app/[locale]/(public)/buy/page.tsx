import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageLink } from "@/lib/i18n/page-link";
import { OnlinePaymentUnavailable } from "@/components/security/online-payment-unavailable";
import { isOnlinePaymentAvailable } from "@/lib/payments/acquirer/mode";
import { loadStep } from "@/lib/web/buy-journey-page";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "buy" });
  return { title: t("start.title") };
}

/** GOV.UK start page: what the service does, what you need, what it costs, when the policy starts. */
export default async function BuyStartPage({ params }: { params: Promise<{ locale: string }> }) {
  await loadStep(params, null);
  const t = await getTranslations("buy.start");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold md:text-4xl">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-xl">{t("lead")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("needTitle")}</h2>
      <ul className="mb-6 max-w-2xl list-disc space-y-1 pl-6">
        <li>{t("needPin")}</li>
        <li>{t("needName")}</li>
        <li>{t("needPhone")}</li>
      </ul>
      <h2 className="mb-2 text-xl font-bold">{t("priceTitle")}</h2>
      <p className="mb-4 max-w-2xl">{t("priceText")}</p>
      <div className="mb-6 max-w-2xl border-l-8 border-[var(--color-line)] pl-4">
        <p className="mb-2">{t("fiveDays")}</p>
        <p className="mb-2">{t("onePerson")}</p>
        <p>{t("statusFirst")}</p>
      </div>
      {isOnlinePaymentAvailable() ? (
        <PageLink
          href="/buy/identify"
          data-testid="buy-start"
          className="inline-block bg-[var(--color-success)] px-5 py-3 text-xl font-bold text-white no-underline shadow-[0_2px_0_#002d18] hover:bg-[#005a30] hover:text-white"
        >
          {t("button")} ›
        </PageLink>
      ) : (
        <OnlinePaymentUnavailable />
      )}
    </>
  );
}
