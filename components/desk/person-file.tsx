import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PersonFileView } from "@/lib/applications/view-models";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import { DataTable } from "@/components/ui/data-table";
import { ApplicationsTable } from "./applications-table";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-8">
      <h2 className="mb-2 text-2xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * A person's file at the desk (issue 12): the record, the insured status on today as the public check computes it,
 * the policies, the payments (with their receipt numbers, to link one) and this office's applications.
 */
export function PersonFile({ person }: { person: PersonFileView }) {
  const t = useTranslations("desk.person");
  const tr = useTranslations("rules");
  const ts = useTranslations("staff");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  const notRecorded = <span className="text-[var(--color-muted)]">{t("notRecorded")}</span>;
  const record: [string, ReactNode][] = [
    [t("pin"), person.pin ? <span className="font-mono">{person.pin}</span> : notRecorded],
    [t("category"), tr(`category.${person.category}.name`)],
    [
      t("document"),
      person.documentNumber ? (
        <>
          {person.documentType ? tr(`document.${person.documentType}`) : ""}{" "}
          <span className="font-mono">{person.documentNumber}</span>
        </>
      ) : (
        notRecorded
      ),
    ],
    [t("birthDate"), person.birthDate ? day(person.birthDate) : notRecorded],
    [t("sex"), person.sex ? t(`sexValue.${person.sex}`) : notRecorded],
    [t("citizenship"), person.stateless ? t("stateless") : (person.citizenship ?? notRecorded)],
    [t("phone"), person.phone ?? notRecorded],
    [t("email"), person.email ?? notRecorded],
  ];
  const { status } = person;
  return (
    <>
      <div
        className={`mb-6 border-l-8 p-4 ${status.insured ? "border-[var(--color-success)] bg-green-50" : "border-[var(--color-ink)]"}`}
        data-testid="person-status"
      >
        <h2 className="mb-1 text-xl font-bold">{t("status")}</h2>
        <p className="font-bold">
          {status.insured && status.coverage ? t("insured", { until: day(status.coverage.validTo) }) : t("notInsured")}
        </p>
        {status.next && <p>{t("next", { number: status.next.policyNumber, from: day(status.next.validFrom) })}</p>}
      </div>
      {person.toComplete && (
        <p className="mb-4 border-l-8 border-[var(--color-brand)] p-3" data-testid="person-to-complete">
          {t("toComplete")}
        </p>
      )}
      <p className="no-print mb-6 flex flex-wrap gap-6">
        <Link
          href={`/staff/office/people/${person.id}/apply`}
          className="bg-[var(--color-ink)] px-4 py-2 font-bold text-white"
          data-testid="new-application"
        >
          {t("apply")}
        </Link>
        <Link href={`/staff/office/people/${person.id}/edit`} data-testid="complete-person">
          {t("complete")}
        </Link>
      </p>
      <Section title={t("record")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="person-record">
          {record.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-bold">{label}</dt>
              <dd className="mb-2 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title={t("policies")}>
        {person.policies.length === 0 ? (
          <p>{t("noPolicies")}</p>
        ) : (
          <DataTable
            caption={t("policies")}
            testId="person-policies"
            columns={[
              { label: t("number") },
              { label: t("category") },
              { label: t("period") },
              { label: t("policyStatus") },
              { label: t("channel") },
            ]}
          >
            <tbody>
              {person.policies.map((p) => (
                <tr key={p.id} className="border-b border-[var(--color-line)] align-top">
                  <td className="py-2 pr-3 font-mono">
                    {p.ownOffice ? <Link href={`/staff/office/policies/${p.id}`}>{p.number}</Link> : p.number}
                  </td>
                  <td className="py-2 pr-3">{tr(`category.${p.category}.name`)}</td>
                  <td className="py-2 pr-3">
                    {p.validFrom && p.validTo ? `${day(p.validFrom)} — ${day(p.validTo)}` : "—"}
                  </td>
                  <td className="py-2 pr-3">{tr(`policyStatus.${p.status}`)}</td>
                  <td className="py-2">{ts(`channel.${p.channel}`)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Section>
      <Section title={t("payments")}>
        {person.payments.length === 0 ? (
          <p>{t("noPayments")}</p>
        ) : (
          <DataTable
            caption={t("payments")}
            testId="person-payments"
            columns={[
              { label: t("paidAt") },
              { label: t("channel") },
              { label: t("receipt") },
              { label: t("amount"), align: "right" },
              { label: t("policy") },
              { label: t("linked") },
            ]}
          >
            <tbody>
              {person.payments.map((p) => (
                <tr key={p.id} className="border-b border-[var(--color-line)] align-top">
                  <td className="py-2 pr-3">{day(p.paidOn)}</td>
                  <td className="py-2 pr-3">{ts(`paymentChannel.${p.channel}`)}</td>
                  <td className="py-2 pr-3 font-mono break-all">{p.externalTxnId}</td>
                  <td className="py-2 pr-3 text-right">{t("som", { amount: p.amountSom })}</td>
                  <td className="py-2 pr-3 font-mono">{p.policyNumber ?? "—"}</td>
                  <td className="py-2">{p.linked ? "✓" : t("free")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Section>
      <Section title={t("applications")}>
        <ApplicationsTable rows={person.applications} caption={t("applications")} empty={t("noApplications")} />
      </Section>
    </>
  );
}
