import { getTranslations } from "next-intl/server";

/** Shown in the purchase journey instead of the way to the card payment when no acquirer is configured. */
export async function OnlinePaymentUnavailable() {
  const t = await getTranslations("security.onlinePaymentUnavailable");
  return (
    <div className="mb-6 max-w-2xl border-l-8 border-[#d4351c] bg-red-50 p-4" data-testid="online-payment-unavailable">
      <h2 className="mb-2 text-xl font-bold">{t("title")}</h2>
      <p>{t("text")}</p>
    </div>
  );
}
