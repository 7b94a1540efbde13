"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import type { PregnancyRegistrationView } from "@/lib/pregnancy/view-models";

/** The doctor's list (issue 13): women whose coverage ends within 30 days are marked. */
export function RegistrationsTable({ rows, caption }: { rows: PregnancyRegistrationView[]; caption: string }) {
  const t = useTranslations("clinic");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  if (rows.length === 0) return <p data-testid="registrations-none">{t("none")}</p>;
  return (
    <DataTable
      caption={caption}
      testId="registrations"
      columns={[
        { label: t("registeredOn") },
        { label: t("woman") },
        { label: t("card") },
        { label: t("coverage") },
        { label: t("open"), srOnly: true },
      ]}
    >
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`border-b border-[var(--color-line)] align-top ${r.endsSoon ? "bg-yellow-50" : ""}`}
          >
            <td className="py-2 pr-3">{day(r.registeredOn)}</td>
            <td className="py-2 pr-3">
              {r.holder}
              <br />
              <span className="font-mono">{r.pin ?? r.documentNumber}</span>
            </td>
            <td className="py-2 pr-3">{r.cardNumber}</td>
            <td className="py-2 pr-3" data-testid={`coverage-${r.id}`}>
              {r.policy
                ? t("policyIssued", {
                    number: r.policy.number,
                    from: day(r.policy.validFrom),
                    to: day(r.policy.validTo),
                  })
                : r.insuredUntil && t("insuredUntil", { date: day(r.insuredUntil) })}
              {r.endsSoon && <strong className="ml-2 text-[var(--color-danger)]">{t("endsSoonBadge")}</strong>}
            </td>
            <td className="py-2">
              <Link href={`/staff/clinic/registrations/${r.id}`}>{t("open")}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
