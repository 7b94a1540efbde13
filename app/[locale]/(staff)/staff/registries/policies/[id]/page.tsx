import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RecordFields } from "@/components/registries/record-fields";
import { Link } from "@/lib/i18n/navigation";
import { findPolicyRecord } from "@/lib/registries/queries";
import { openRegistryRecord } from "../../record-page";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registries.tabs"))("policies") };
}

/** A policy of the national registry, with its holder's full PIN and its payments (issue 15): the opening is audited. */
export default async function PolicyRecordPage({ params }: Props) {
  const { locale, record: p } = await openRegistryRecord(params, "Policy", findPolicyRecord);
  const [t, tAll, format] = await Promise.all([getTranslations("registries"), getTranslations(), getFormatter()]);
  const none = t("record.none");
  const holder = [p.person.lastName, p.person.firstName, p.person.patronymic].filter(Boolean).join(" ");
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/registries/policies">{t("record.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("record.policy", { number: p.number })}</h1>
      <p className="mb-6 text-[var(--color-muted)]">{t("record.audited")}</p>
      <RecordFields
        fields={[
          {
            label: t("columns.holder"),
            value: <Link href={`/staff/registries/persons/${p.person.id}`}>{holder}</Link>,
          },
          { label: t("columns.pin"), value: p.person.pin ?? none, testId: "record-pin" },
          { label: t("columns.status"), value: tAll(`staff.policyStatus.${p.status}`) },
          { label: t("columns.category"), value: tAll(`rules.category.${p.category}.name`) },
          { label: t("columns.channel"), value: tAll(`staff.channel.${p.channel}`) },
          { label: t("record.term"), value: p.termMonths },
          { label: t("columns.price"), value: format.number(p.priceSom) },
          { label: t("columns.validFrom"), value: p.validFrom ?? none },
          { label: t("columns.validTo"), value: p.validTo ?? none },
          {
            label: t("columns.office"),
            value: p.office ? (locale === "ky" ? p.office.nameKy : p.office.nameRu) : none,
          },
        ]}
      />
      <h2 className="mb-2 text-xl font-bold">{t("record.payments")}</h2>
      {p.payments.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="list-disc pl-6">
          {p.payments.map((pa) => (
            <li key={pa.id}>
              <Link href={`/staff/registries/payments/${pa.id}`}>{pa.providerNumber}</Link> —{" "}
              {tAll(`staff.paymentChannel.${pa.channel}`)}, {format.number(pa.amountSom)},{" "}
              {t(`paymentStatus.${pa.status}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
