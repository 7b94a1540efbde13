import type { ReactNode } from "react";
import type { StatusView } from "@/lib/policies/status-view";

/**
 * What the status check found: insured or not on the day, the covering policy, and a paid policy not yet in force.
 * Every text comes translated from the server (lib/policies/status-view.ts). `buy` is the way to buy a policy for
 * the person checked, shown when they are not insured and nothing is waiting.
 */
export function StatusResult({ status, buy }: { status: StatusView; buy?: ReactNode }) {
  const { coverage, next } = status;
  return (
    <section aria-labelledby="status-result-heading" aria-live="polite" data-testid="status-result" className="mt-8">
      <h2 id="status-result-heading" className="sr-only">
        {status.heading}
      </h2>
      <div
        data-testid={status.insured ? "status-insured" : "status-not-insured"}
        className={`mb-4 border-l-8 p-4 ${status.insured ? "border-[var(--color-success)] bg-green-50" : "border-[var(--color-danger)] bg-red-50"}`}
      >
        <p className="text-2xl font-bold">{status.title}</p>
        {coverage && (
          <dl className="mt-3 grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            {coverage.policyNumber && (
              <>
                <dt className="font-bold">{coverage.labels.policyNumber}</dt>
                <dd data-testid="coverage-number">{coverage.policyNumber}</dd>
              </>
            )}
            <dt className="font-bold">{coverage.labels.validFrom}</dt>
            <dd data-testid="coverage-from">{coverage.from}</dd>
            <dt className="font-bold">{coverage.labels.validTo}</dt>
            <dd data-testid="coverage-to">{coverage.to}</dd>
          </dl>
        )}
        {coverage && <p className="mt-3">{coverage.source}</p>}
        {status.help && <p className="mt-3">{status.help}</p>}
        {status.help && buy}
      </div>
      {next && (
        <div data-testid="status-next" className="mb-4 border-l-8 border-[var(--color-brand)] bg-blue-50 p-4">
          <p className="text-xl font-bold">{next.title}</p>
          <p className="mt-2">{next.text}</p>
        </div>
      )}
      <p className="text-sm text-[var(--color-muted)]">{status.privacy}</p>
    </section>
  );
}
