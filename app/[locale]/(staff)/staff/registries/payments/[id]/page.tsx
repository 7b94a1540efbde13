import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RecordFields } from "@/components/registries/record-fields";
import { Link } from "@/lib/i18n/navigation";
import { findPaymentRecord } from "@/lib/registries/queries";
import { openRegistryRecord } from "../../record-page";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registries.tabs"))("payments") };
}

const WHEN = { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bishkek" } as const;

/** A payment of the national registry, with its beneficiary's full PIN (issue 15): the opening is audited. */
export default async function PaymentRecordPage({ params }: Props) {
  const { locale, record: p } = await openRegistryRecord(params, "Payment", findPaymentRecord);
  const [t, tAll, format] = await Promise.all([getTranslations("registries"), getTranslations(), getFormatter()]);
  const none = t("record.none");
  const person = p.policy?.person;
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/registries/payments">{t("record.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("record.payment", { number: p.providerNumber })}</h1>
      <p className="mb-6 text-[var(--color-muted)]">{t("record.audited")}</p>
      <RecordFields
        fields={[
          { label: t("columns.channel"), value: tAll(`staff.paymentChannel.${p.channel}`) },
          { label: t("columns.txn"), value: p.externalTxnId },
          { label: t("columns.amount"), value: format.number(p.amountSom) },
          { label: t("record.refunded"), value: format.number(p.refundedSom) },
          { label: t("columns.status"), value: t(`paymentStatus.${p.status}`) },
          { label: t("columns.paidAt"), value: format.dateTime(p.paidAt, WHEN) },
          { label: t("record.receivedAt"), value: format.dateTime(p.receivedAt, WHEN) },
          { label: t("record.payer"), value: p.payerName },
          { label: t("record.account"), value: p.account ?? none },
          {
            label: t("columns.office"),
            value: p.office ? (locale === "ky" ? p.office.nameKy : p.office.nameRu) : none,
          },
          {
            label: t("columns.policy"),
            value: p.policy ? <Link href={`/staff/registries/policies/${p.policy.id}`}>{p.policy.number}</Link> : none,
          },
          {
            label: t("record.person"),
            value: person ? (
              <Link href={`/staff/registries/persons/${person.id}`}>
                {[person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ")}
              </Link>
            ) : (
              none
            ),
          },
          { label: t("columns.pin"), value: person?.pin ?? none, testId: "record-pin" },
        ]}
      />
    </>
  );
}
