"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";
import { bishkekDate } from "@/lib/rules";
import { dateTimeValues, longDateValues } from "@/lib/i18n/long-date";
import type { PaymentStatement } from "@/lib/payments/statement/view-models";
import { DataTable } from "@/components/ui/data-table";

const CLOCK = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

type Action = (prev: ActionResult<PaymentStatement>, formData: FormData) => Promise<ActionResult<PaymentStatement>>;

export function StatementForm({ action }: { action: Action }) {
  const t = useTranslations();
  const format = useFormatter();
  const [state, formAction] = useActionState(action, initialActionState<PaymentStatement>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["pin"]);
  const day = (d: string | null) => (d ? t("common.date.long", longDateValues(d)) : "—");
  // Only the digits of the time come from Intl (any locale writes them alike); the date words from the messages.
  const when = (iso: string) =>
    t("common.date.dateTime", dateTimeValues(bishkekDate(new Date(iso)), format.dateTime(new Date(iso), CLOCK)));
  const s = state.ok ? state.data : null;
  return (
    <>
      <div className="no-print">
        <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
        <form
          key={formKey}
          action={formAction}
          noValidate
          className="mb-8 flex flex-wrap items-end gap-4"
          data-testid="statement-form"
        >
          <TextField
            name="pin"
            label={t("payments.statement.pin")}
            error={fieldError("pin")}
            defaultValue={state.values.pin ?? ""}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
          />
          <div className="mb-6">
            <SubmitButton label={t("payments.statement.find")} />
          </div>
        </form>
      </div>
      {s && (
        <section data-testid="statement">
          <dl className="mb-6 grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="font-bold">{t("payments.statement.person")}</dt>
            <dd>{s.person.fullName}</dd>
            <dt className="font-bold">{t("payments.statement.pin")}</dt>
            <dd className="font-mono">{s.person.pin}</dd>
            <dt className="font-bold">{t("payments.statement.statusToday", { date: day(s.status.on) })}</dt>
            <dd data-testid="statement-status">
              {s.status.insured ? t("payments.statement.insured") : t("payments.statement.notInsured")}
              {s.status.coverage && ` (${day(s.status.coverage.validFrom)} — ${day(s.status.coverage.validTo)})`}
            </dd>
          </dl>
          {s.rows.length === 0 ? (
            <p>{t("payments.statement.none")}</p>
          ) : (
            <div className="overflow-x-auto">
              <DataTable
                caption={t("payments.statement.title")}
                testId="statement-table"
                columns={[
                  { label: t("payments.statement.paidAt") },
                  { label: t("payments.statement.amount"), align: "right" },
                  { label: t("payments.statement.channel") },
                  { label: t("payments.statement.policy") },
                  { label: t("payments.statement.period") },
                  { label: t("payments.statement.payer") },
                  { label: t("payments.statement.refund"), align: "right" },
                  { label: t("payments.statement.policyStatus") },
                ]}
              >
                <tbody>
                  {s.rows.map((r, i) => (
                    <tr key={i} className="border-b border-[var(--color-line)] align-top">
                      <td className="py-2 pr-3">
                        {when(r.paidAt)}
                        {r.lateDated && (
                          <strong className="block text-[var(--color-danger)]" data-testid="late-dated">
                            {t("approvals.lateDated", { received: when(r.receivedAt) })}
                          </strong>
                        )}
                      </td>
                      <td className="py-2 pr-3 text-right">{t("common.som", { amount: r.amountSom })}</td>
                      <td className="py-2 pr-3">{t(`staff.paymentChannel.${r.channel}`)}</td>
                      <td className="py-2 pr-3 font-mono">{r.policyNumber ?? "—"}</td>
                      <td className="py-2 pr-3">
                        {day(r.validFrom)} — {day(r.validTo)}
                      </td>
                      <td className="py-2 pr-3">{r.payerName}</td>
                      <td className="py-2 pr-3 text-right">{t("common.som", { amount: r.refundedSom })}</td>
                      <td className="py-2">{r.policyStatus ? t(`staff.policyStatus.${r.policyStatus}`) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </div>
          )}
          <p className="mt-4 text-sm text-[var(--color-muted)]">
            {t("payments.statement.generated", {
              at: when(s.generatedAt),
              user: s.generatedBy,
            })}
          </p>
          <button
            type="button"
            onClick={() => window.print()}
            className="no-print mt-4 bg-gray-200 px-4 py-2 font-bold"
          >
            {t("common.print")}
          </button>
        </section>
      )}
    </>
  );
}
