import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecordFields } from "@/components/registries/record-fields";
import { Link } from "@/lib/i18n/navigation";
import { findPersonRecord } from "@/lib/registries/queries";
import { openRegistryRecord } from "../../record-page";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registries.record"))("person") };
}

/** A person of the national registry, with the full PIN (issue 15): the opening is audited. */
export default async function PersonRecordPage({ params }: Props) {
  const { record: p } = await openRegistryRecord(params, "Person", findPersonRecord);
  const [t, tAll] = await Promise.all([getTranslations("registries"), getTranslations()]);
  const none = t("record.none");
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/registries/persons">{t("record.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{[p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" ")}</h1>
      <p className="mb-6 text-[var(--color-muted)]">{t("record.audited")}</p>
      <RecordFields
        fields={[
          { label: t("columns.pin"), value: p.pin ?? none, testId: "record-pin" },
          { label: t("columns.birthDate"), value: p.birthDate ?? none },
          { label: t("record.sex"), value: p.sex ? tAll(`buy.document.${p.sex}`) : none },
          { label: t("columns.category"), value: tAll(`rules.category.${p.category}.name`) },
          { label: t("record.citizenship"), value: p.citizenship ?? none },
          { label: t("record.documentType"), value: p.documentType ? tAll(`rules.document.${p.documentType}`) : none },
          { label: t("columns.document"), value: p.documentNumber ?? none },
        ]}
      />
      <h2 className="mb-2 text-xl font-bold">{t("record.policies")}</h2>
      {p.policies.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="list-disc pl-6">
          {p.policies.map((po) => (
            <li key={po.id}>
              <Link href={`/staff/registries/policies/${po.id}`}>{po.number}</Link> —{" "}
              {tAll(`staff.policyStatus.${po.status}`)}, {po.validFrom ?? none} — {po.validTo ?? none}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
