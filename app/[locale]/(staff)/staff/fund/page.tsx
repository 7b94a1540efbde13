import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { requirePermission } from "@/lib/web/session";
import { todayInBishkek } from "@/lib/dates";
import { dayToInstant } from "@/lib/dates";
import { DataTable } from "@/components/ui/data-table";
import { listRejectedOrders } from "@/lib/orders/queries";
import { orderReference } from "@/lib/orders/receipt";
import { summarizeSales, type SalesRow } from "@/lib/reports/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.fund"))("title") };
}

export default async function FundPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("fund.workspace", locale);
  const [t, format, lang, sales, rejected] = await Promise.all([getTranslations(), getFormatter(), getLocale(), summarizeSales(todayInBishkek()), listRejectedOrders(user)]);
  const month = format.dateTime(dayToInstant(`${sales.month}-01`), { year: "numeric", month: "long" });
  const som = (n: number) => t("common.som", { amount: n });
  const table = (caption: string, rows: { label: string; count: number; revenueSom: number }[], testId: string) => (
    <section className="mb-8">
      <h2 className="mb-2 text-xl font-bold">{caption}</h2>
      <table className="w-full max-w-2xl border-collapse text-left text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b-2 border-[var(--color-ink)]">
            <th scope="col" className="py-2 pr-3">{caption}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("staff.table.count")}</th>
            <th scope="col" className="py-2 text-right">{t("staff.table.revenue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-[var(--color-line)]">
              <th scope="row" className="py-2 pr-3 font-normal">{r.label}</th>
              <td className="py-2 pr-3 text-right">{r.count}</td>
              <td className="py-2 text-right">{som(r.revenueSom)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-bold">
            <th scope="row" className="py-2 pr-3">{t("staff.fund.total")}</th>
            <td className="py-2 pr-3 text-right">{sales.total.count}</td>
            <td className="py-2 text-right">{som(sales.total.revenueSom)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
  const label = (prefix: string) => (r: SalesRow) => ({ ...r, label: t(`${prefix}.${r.key}` as never) });
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("staff.fund.title")}</h1>
      <p className="mb-6">{t("staff.fund.lead", { month })}</p>
      {table(
        t("staff.fund.byOffice"),
        [
          ...sales.offices.map((o) => ({ label: lang === "ky" ? o.office.nameKy : o.office.nameRu, count: o.count, revenueSom: o.revenueSom })),
          { label: t("staff.fund.noOffice"), count: sales.noOffice.count, revenueSom: sales.noOffice.revenueSom },
        ],
        "sales-by-office",
      )}
      {table(t("staff.fund.byChannel"), sales.channels.map(label("staff.channel")), "sales-by-channel")}
      {table(t("staff.fund.byCategory"), sales.categories.map((r) => ({ ...r, label: t(`rules.category.${r.key}.name` as never) })), "sales-by-category")}
      <section className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{t("staff.fund.rejectedTitle")}</h2>
        <p className="mb-3 max-w-2xl">{t("staff.fund.rejectedLead")}</p>
        {rejected.length === 0 ? (
          <p data-testid="rejected-orders-empty">{t("staff.fund.rejectedEmpty")}</p>
        ) : (
          <DataTable
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
              {rejected.map((o) => (
                <tr key={o.id} className="border-b border-[var(--color-line)] align-top">
                  <td className="py-2 pr-3 font-mono">{orderReference(o.id)}</td>
                  <td className="py-2 pr-3">{format.dateTime(o.updatedAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className="py-2 pr-3">{[o.lastName, o.firstName, o.patronymic].filter(Boolean).join(" ")}<br /><span className="font-mono">{o.pin ?? o.documentNumber}</span> · {o.phone}</td>
                  <td className="py-2 pr-3">{o.rejectionReason && t.has(`rules.refusal.${o.rejectionReason}` as never) ? t(`rules.refusal.${o.rejectionReason}` as never) : o.rejectionReason}</td>
                  <td className="py-2 pr-3 font-mono">{o.rejectedTxnId ?? "—"}</td>
                  <td className="py-2 text-right">{som(o.priceSom)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}
