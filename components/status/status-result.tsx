"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { longDateValues } from "@/lib/i18n/long-date";
import type { InsuredStatus } from "@/lib/rules";

/**
 * What the status check found: insured or not on the day, the covering policy, and a paid policy not yet in force.
 * Dates come from the messages (month names of both languages): the browser may lack Kyrgyz locale data.
 * `buy` is the way to buy a policy for the person checked, shown when they are not insured and nothing is waiting.
 */
export function StatusResult({ status, buy }: { status: InsuredStatus; buy?: ReactNode }) {
  const t = useTranslations("status");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  const { coverage, next } = status;
  return (
    <section aria-labelledby="status-result-heading" aria-live="polite" data-testid="status-result" className="mt-8">
      <h2 id="status-result-heading" className="sr-only">
        {t("resultHeading")}
      </h2>
      <div
        data-testid={status.insured ? "status-insured" : "status-not-insured"}
        className={`mb-4 border-l-8 p-4 ${status.insured ? "border-[var(--color-success)] bg-green-50" : "border-[var(--color-danger)] bg-red-50"}`}
      >
        <p className="text-2xl font-bold">
          {t(status.insured ? "insuredTitle" : "notInsuredTitle", { date: day(status.on) })}
        </p>
        {coverage && (
          <dl className="mt-3 grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            {coverage.policyNumber && (
              <>
                <dt className="font-bold">{t("policyNumber")}</dt>
                <dd data-testid="coverage-number">{coverage.policyNumber}</dd>
              </>
            )}
            <dt className="font-bold">{t("validFrom")}</dt>
            <dd data-testid="coverage-from">{day(coverage.validFrom)}</dd>
            <dt className="font-bold">{t("validTo")}</dt>
            <dd data-testid="coverage-to">{day(coverage.validTo)}</dd>
          </dl>
        )}
        {coverage && <p className="mt-3">{t(coverage.source === "policy" ? "sourcePolicy" : "sourceExternal")}</p>}
        {!status.insured && !next && <p className="mt-3">{t("notInsuredHelp")}</p>}
        {!status.insured && !next && buy}
      </div>
      {next && (
        <div data-testid="status-next" className="mb-4 border-l-8 border-[var(--color-brand)] bg-blue-50 p-4">
          <p className="text-xl font-bold">{t("nextTitle")}</p>
          <p className="mt-2">
            {t("nextText", { number: next.policyNumber, from: day(next.validFrom), to: day(next.validTo) })}
          </p>
        </div>
      )}
      <p className="text-sm text-[var(--color-muted)]">{t("privacy")}</p>
    </section>
  );
}
