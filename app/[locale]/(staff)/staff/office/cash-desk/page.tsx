import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CashReceiptForm } from "@/components/staff/cash-receipt-form";
import { requirePermission } from "@/lib/web/session";
import { todayInBishkek } from "@/lib/dates";
import { PAID_CATEGORIES } from "@/lib/payments/channels";
import { registerCashReceiptAction } from "./actions";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.cashDesk"))("title") };
}

export default async function CashDeskPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("office.workspace", locale);
  const t = await getTranslations();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("payments.cashDesk.title")}</h1>
      <p className="mb-6 max-w-2xl">{t("payments.cashDesk.lead")}</p>
      <CashReceiptForm
        action={registerCashReceiptAction}
        today={todayInBishkek()}
        categories={PAID_CATEGORIES.map((c) => ({ value: c, label: t(`rules.category.${c}.name`) }))}
      />
    </>
  );
}
