import { getFormatter, getTranslations } from "next-intl/server";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { RejectedOrderView } from "@/lib/orders/view-models";
import { DataTable } from "@/components/ui/data-table";

/** Paid orders the rules refused: the money must go back (cl. 32–33). */
export async function RejectedOrders({ orders }: { orders: RejectedOrderView[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section className="mb-8">
      <h2 className="mb-2 text-xl font-bold">{t("staff.fund.rejectedTitle")}</h2>
      <p className="mb-3 max-w-2xl">{t("staff.fund.rejectedLead")}</p>
      {orders.length === 0 ? (
        <p data-testid="rejected-orders-empty">{t("staff.fund.rejectedEmpty")}</p>
      ) : (
        <div>
          <DataTable
            caption={t("staff.fund.rejectedTitle")}
            testId="rejected-orders"
            columns={[
              { label: t("staff.fund.reference") },
              { label: t("staff.fund.since") },
              { label: t("staff.fund.paidFor") },
              { label: t("staff.fund.reason") },
              { label: t("staff.fund.txn") },
              { label: t("staff.fund.amount"), align: "right" },
            ]}
          >
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-b border-[var(--color-line)] align-top">
                  <td className="py-2 pr-3 font-mono">{o.reference}</td>
                  <td className="py-2 pr-3">
                    {format.dateTime(new Date(o.rejectedAt), { dateStyle: "short", timeStyle: "short" })}
                  </td>
                  <td className="py-2 pr-3">
                    {o.holder}
                    <br />
                    <span className="font-mono">{o.account}</span> · {o.phone}
                  </td>
                  <td className="py-2 pr-3">
                    {o.reason && t.has(dynamicKey(`rules.refusal.${o.reason}`))
                      ? t(dynamicKey(`rules.refusal.${o.reason}`))
                      : o.reason}
                  </td>
                  <td className="py-2 pr-3 font-mono">{o.providerTxnId ?? "—"}</td>
                  <td className="py-2 text-right">{t("common.som", { amount: o.priceSom })}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
    </section>
  );
}
