import { PageLink } from "@/lib/i18n/page-link";

export type SummaryRow = { key: string; label: string; value: string; changeHref?: string };

/** GOV.UK summary list: each answer with a "Change" link that names what it changes for screen readers. */
export function SummaryList({ rows, changeLabel }: { rows: SummaryRow[]; changeLabel: string }) {
  return (
    <dl className="mb-8 max-w-3xl border-t border-[var(--color-line)]">
      {rows.map((r) => (
        <div
          key={r.key}
          className="grid gap-x-6 border-b border-[var(--color-line)] py-3 md:grid-cols-[14rem_1fr_auto]"
        >
          <dt className="font-bold">{r.label}</dt>
          <dd data-testid={`answer-${r.key}`}>{r.value}</dd>
          <dd className="no-print">
            {r.changeHref && (
              <PageLink href={r.changeHref} data-testid={`change-${r.key}`}>
                {changeLabel}
                <span className="sr-only"> {r.label}</span>
              </PageLink>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
