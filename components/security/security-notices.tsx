import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { isTestPaymentMode } from "@/lib/payments/acquirer/mode";

/**
 * In the root layout, on every page:
 * - renders the page per request: the Content-Security-Policy's nonce (proxy.ts) is new on each request and Next puts
 *   it on its scripts only when it renders, so no page may be a prebuilt static file;
 * - while the TEST acquirer takes payments (PAYMENT_ACQUIRER=test), says so: nobody mistakes it for the real thing.
 */
export async function SecurityNotices() {
  await connection();
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
