import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import type { ContractPersonView } from "@/lib/contracts/view-models";

/** The persons of a contract with the policy each was issued (cl. 31). */
export function ContractPersonsTable({ rows, total }: { rows: ContractPersonView[]; total: number }) {
  const t = useTranslations("contracts.detail");
  const tc = useTranslations("common");
  const day = (d: string | null) => (d ? tc("date.long", longDateValues(d)) : "—");
  if (total === 0) return <p data-testid="contract-persons-empty">{t("noPersons")}</p>;
  return (
    <>
      <p className="mb-2">{t("personsCount", { count: total, shown: rows.length })}</p>
      <DataTable
        caption={t("persons")}
        testId="contract-persons"
        columns={[{ label: t("holder") }, { label: t("pin") }, { label: t("policy") }, { label: t("validity") }]}
      >
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-b border-[var(--color-line)]">
              <td className="py-2 pr-3">{p.holder}</td>
              <td className="py-2 pr-3">{p.pin ?? "—"}</td>
              <td className="py-2 pr-3">
                <Link href={`/staff/office/policies/${p.policyId}`}>{p.policyNumber}</Link>
              </td>
              <td className="py-2">
                {day(p.validFrom)} — {day(p.validTo)}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
