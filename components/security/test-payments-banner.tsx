import { getTranslations } from "next-intl/server";
import { isTestPaymentMode } from "@/lib/payments/acquirer/mode";

/** On every page while the TEST acquirer takes payments (PAYMENT_ACQUIRER=test): nobody mistakes it for the real thing. */
export async function TestPaymentsBanner() {
  if (!isTestPaymentMode()) return null;
  const t = await getTranslations("security");
  return (
    <p
      role="note"
      data-testid="test-payments-banner"
      className="bg-[#6b2c91] px-4 py-2 text-center font-bold text-white"
    >
      {t("testPaymentsBanner")}
    </p>
  );
}
