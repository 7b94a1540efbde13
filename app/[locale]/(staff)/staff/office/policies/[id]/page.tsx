import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { fromDbDateOrNull } from "@/lib/db/calendar";
import { dayToInstant, LONG_DATE } from "@/lib/format";
import { Link } from "@/lib/i18n/navigation";
import { findOfficePolicy } from "@/lib/policies/queries";
import { DataTable } from "@/components/ui/data-table";

export default async function OfficePolicyPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("office.workspace", locale);
  // Another office's policy is "not found", exactly like a policy that does not exist (STYLE §4).
  const policy = await findOfficePolicy(user, id);
  if (!policy) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (d: Date | null) => {
    const s = fromDbDateOrNull(d);
    return s ? format.dateTime(dayToInstant(s), LONG_DATE) : "—";
  };
  const p = policy.person;
  const row = (label: string, value: string, testId?: string) => (
    <>
      <dt className="font-bold">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <>
      <p className="no-print mb-4"><Link href="/staff/office">← {t("staff.office.back")}</Link></p>
      <h1 className="mb-6 text-3xl font-bold" data-testid="policy-title">{t("staff.office.recordTitle", { number: policy.number })}</h1>
      <section className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{t("staff.office.holderSection")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          {row(t("staff.table.holder"), [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" "))}
          {row(t("staff.table.pin"), p.pin ?? "—")}
          {row(t("staff.office.document"), `${t(`rules.document.${p.documentType}` as never)} ${p.documentNumber}`)}
          {row(t("staff.office.birthDate"), day(p.birthDate))}
          {row(t("staff.office.phone"), p.phone ?? "—")}
        </dl>
      </section>
      <section className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{t("staff.office.policySection")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          {row(t("staff.table.category"), t(`rules.category.${policy.category}.name` as never))}
          {row(t("staff.table.term"), t("rules.term.months", { count: policy.termMonths }))}
          {row(t("staff.table.price"), t("common.som", { amount: policy.priceSom }))}
          {row(t("staff.table.validFrom"), day(policy.validFrom))}
          {row(t("staff.table.validTo"), day(policy.validTo))}
          {row(t("staff.table.status"), t(`staff.policyStatus.${policy.status}` as never))}
          {row(t("staff.table.channel"), t(`staff.channel.${policy.channel}` as never))}
        </dl>
      </section>
      <section>
        <h2 className="mb-2 text-xl font-bold">{t("staff.office.paymentsSection")}</h2>
        {policy.payments.length === 0 ? (
          <p>{t("staff.table.empty")}</p>
        ) : (
          <DataTable columns={[{ label: t("staff.office.paidAt") }, { label: t("staff.table.channel") }, { label: t("staff.office.txn") }, { label: t("staff.office.payer") }, { label: t("staff.office.amount"), align: "right" }]}>
            <tbody>
              {policy.payments.map((pay) => (
                <tr key={pay.id} className="border-b border-[var(--color-line)]">
                  <td className="py-2 pr-3">{format.dateTime(pay.paidAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="py-2 pr-3">{t(`staff.paymentChannel.${pay.channel}` as never)}</td>
                  <td className="py-2 pr-3 font-mono">{pay.externalTxnId}</td>
                  <td className="py-2 pr-3">{pay.payerName}</td>
                  <td className="py-2 text-right">{t("common.som", { amount: pay.amountSom })}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}
