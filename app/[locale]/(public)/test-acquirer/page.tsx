import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { isTestAcquirerEnabled, openCheckoutSession } from "@/lib/payments/acquirer/test-acquirer";
import { orderReference } from "@/lib/orders/reference";
import { decideTestCheckoutAction } from "./actions";
import { enterPage, localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("acquirer.title"), robots: { index: false } };
}

/**
 * The TEST acquirer's hosted checkout page. It stands where a bank's payment page will be, clearly marked as a
 * test in both languages; its buttons notify the portal server to server, then return the browser to the order.
 */
export default async function TestAcquirerPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ session?: string }>;
}) {
  const locale = await enterPage(params);
  if (!isTestAcquirerEnabled()) notFound();
  const { session: token } = await searchParams;
  const session = openCheckoutSession(token);
  const t = await getTranslations("buy.acquirer");
  const tc = await getTranslations("common");
  return (
    <div className="mx-auto max-w-xl border-4 border-dashed border-[#6b2c91] p-6" data-testid="test-acquirer">
      <p className="mb-4 bg-[#6b2c91] p-3 font-bold text-white" data-testid="test-acquirer-banner">
        {t("banner")}
      </p>
      <h1 className="mb-4 text-2xl font-bold">{session ? t("title") : t("invalidTitle")}</h1>
      {session ? (
        <>
          <dl className="mb-6 grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
            <dt className="font-bold">{t("merchant")}</dt>
            <dd>{t("merchantName")}</dd>
            <dt className="font-bold">{t("purpose")}</dt>
            <dd>{session.description}</dd>
            <dt className="font-bold">{t("order")}</dt>
            <dd className="font-mono">{orderReference(session.orderRef)}</dd>
            <dt className="font-bold">{t("amount")}</dt>
            <dd className="text-2xl font-bold" data-testid="acquirer-amount">
              {tc("som", { amount: session.amountSom })}
            </dd>
          </dl>
          <form action={decideTestCheckoutAction} className="flex flex-wrap gap-4">
            <input type="hidden" name="session" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <button
              type="submit"
              name="decision"
              value="CONFIRMED"
              data-testid="acquirer-pay"
              className="bg-[var(--color-success)] px-6 py-3 text-xl font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]"
            >
              {t("pay")}
            </button>
            <button
              type="submit"
              name="decision"
              value="DECLINED"
              data-testid="acquirer-decline"
              className="bg-[var(--color-danger)] px-6 py-3 text-xl font-bold text-white shadow-[0_2px_0_#5a0f0b] hover:bg-[#8a1a15]"
            >
              {t("decline")}
            </button>
          </form>
        </>
      ) : (
        <p>{t("invalidText")}</p>
      )}
    </div>
  );
}
