import { useTranslations } from "next-intl";
import type { ContractImportView } from "@/lib/contracts/view-models";

/** A checked list's counts: rows, accepted, rejected, issued. */
export function ImportCounts({ view }: { view: ContractImportView }) {
  const t = useTranslations("contracts.import");
  const items: [string, number, string][] = [
    [t("total"), view.totalRows, "count-total"],
    [t("accepted"), view.acceptedRows, "count-accepted"],
    [t("rejected"), view.rejectedRows, "count-rejected"],
    ...(view.status === "DONE" ? ([[t("issued"), view.issuedRows, "count-issued"]] as [string, number, string][]) : []),
  ];
  return (
    <dl className="mb-6 flex flex-wrap gap-6">
      {items.map(([label, value, testId]) => (
        <div key={testId} className="border-l-4 border-[var(--color-line)] pl-3">
          <dt>{label}</dt>
          <dd className="text-3xl font-bold" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
