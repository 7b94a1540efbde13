import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import type { OfficePolicyView } from "@/lib/policies/view-models";
import { DataTable } from "@/components/ui/data-table";

function Row({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="font-bold">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

async function dayFormatter() {
  const format = await getFormatter();
  return (d: string | null) => (d ? format.dateTime(dayToInstant(d), LONG_DATE) : "—");
}

export async function PolicyHolderSection({ holder }: { holder: OfficePolicyView["holder"] }) {
  const [t, day] = await Promise.all([getTranslations(), dayFormatter()]);
  return (
    <section className="mb-8">
      <h2 className="mb-2 text-xl font-bold">{t("staff.office.holderSection")}</h2>
      <dl className="grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <Row label={t("staff.table.holder")} value={holder.fullName} />
        <Row label={t("staff.table.pin")} value={holder.pin ?? "—"} />
        <Row
          label={t("staff.office.document")}
          value={
            holder.documentType ? `${t(`rules.document.${holder.documentType}`)} ${holder.documentNumber ?? ""}` : "—"
          }
        />
        <Row label={t("staff.office.birthDate")} value={day(holder.birthDate)} />
        <Row label={t("staff.office.phone")} value={holder.phone ?? "—"} />
      </dl>
    </section>
  );
}

export async function PolicyTermsSection({ policy }: { policy: OfficePolicyView }) {
  const [t, day] = await Promise.all([getTranslations(), dayFormatter()]);
  return (
    <section className="mb-8">
      <h2 className="mb-2 text-xl font-bold">{t("staff.office.policySection")}</h2>
      <dl className="grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <Row label={t("staff.table.category")} value={t(`rules.category.${policy.category}.name`)} />
        <Row label={t("staff.table.term")} value={t("rules.term.months", { count: policy.termMonths })} />
        <Row label={t("staff.table.price")} value={t("common.som", { amount: policy.priceSom })} />
        <Row label={t("staff.table.validFrom")} value={day(policy.validFrom)} />
        <Row label={t("staff.table.validTo")} value={day(policy.validTo)} />
        <Row label={t("staff.table.status")} value={t(`staff.policyStatus.${policy.status}`)} />
        <Row label={t("staff.table.channel")} value={t(`staff.channel.${policy.channel}`)} />
      </dl>
    </section>
  );
}

export async function PolicyPaymentsSection({ payments }: { payments: OfficePolicyView["payments"] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section>
      <h2 className="mb-2 text-xl font-bold">{t("staff.office.paymentsSection")}</h2>
      {payments.length === 0 ? (
        <p>{t("staff.table.empty")}</p>
      ) : (
        <DataTable
          caption={t("staff.office.paymentsSection")}
          columns={[
            { label: t("staff.office.paidAt") },
            { label: t("staff.table.channel") },
            { label: t("staff.office.txn") },
            { label: t("staff.office.payer") },
            { label: t("staff.office.amount"), align: "right" },
          ]}
        >
          <tbody>
            {payments.map((pay) => (
              <tr key={pay.id} className="border-b border-[var(--color-line)]">
                <td className="py-2 pr-3">
                  {format.dateTime(new Date(pay.paidAt), { dateStyle: "medium", timeStyle: "short" })}
                </td>
                <td className="py-2 pr-3">{t(`staff.paymentChannel.${pay.channel}`)}</td>
                <td className="py-2 pr-3 font-mono">{pay.externalTxnId}</td>
                <td className="py-2 pr-3">{pay.payerName}</td>
                <td className="py-2 text-right">{t("common.som", { amount: pay.amountSom })}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
