import { useTranslations } from "next-intl";
import type { CoverageImportView } from "@/lib/coverage/view-models";

/** A finished import's counts. */
export function CoverageImportSummary({ view }: { view: CoverageImportView }) {
  const t = useTranslations("coverage.import");
  const items: [string, number, string][] = [
    [t("read"), view.readRows, "count-read"],
    [t("accepted"), view.acceptedRows, "count-accepted"],
    [t("rejected"), view.rejectedRows, "count-rejected"],
  ];
  if (view.status === "COMPLETED" || view.status === "SUPERSEDED") {
    items.push(
      [t("coverage"), view.coverageRows, "count-coverage"],
      [t("persons"), view.personsCreated, "count-persons"],
      [t("replaced"), view.replacedRows, "count-replaced"],
    );
  }
  return (
    <dl className="mb-6 flex flex-wrap gap-6" aria-label={t("summaryCaption")}>
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
