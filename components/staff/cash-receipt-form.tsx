"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";

type Issued =
  | { pending: false; policyId: string; number: string; validFrom: string; validTo: string }
  /** older than the window (issue 11, hole 4): waits for another clerk's approval */
  | { pending: true };
type Action = (prev: ActionResult<Issued>, formData: FormData) => Promise<ActionResult<Issued>>;

const FIELDS = ["receiptNumber", "pin", "fullName", "phone", "paidOn", "amountSom", "category", "termMonths"];

export function CashReceiptForm({
  action,
  categories,
  today,
}: {
  action: Action;
  categories: { value: string; label: string }[];
  today: string;
}) {
  const t = useTranslations("payments.cashDesk");
  const tApprovals = useTranslations("approvals");
  const [state, formAction] = useActionState(action, initialActionState<Issued>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  const v = state.ok ? {} : state.values;
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  return (
    <>
      {state.ok && state.data.pending && (
        <div
          className="mb-6 border-l-8 border-[var(--color-brand)] bg-blue-50 p-4"
          data-testid="receipt-held"
          role="status"
        >
          <p className="font-bold">{tApprovals("heldReceipt")}</p>
          <Link href="/staff/approvals">{tApprovals("openApprovals")}</Link>
        </div>
      )}
      {state.ok && !state.data.pending && (
        <div
          className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4"
          data-testid="receipt-registered"
          role="status"
        >
          <p className="font-bold">
            {t("done", { number: state.data.number, from: day(state.data.validFrom), to: day(state.data.validTo) })}
          </p>
          <Link href={`/staff/office/policies/${state.data.policyId}`}>{t("open")}</Link>
        </div>
      )}
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="cash-receipt-form">
        <TextField
          name="receiptNumber"
          label={t("receiptNumber")}
          error={fieldError("receiptNumber")}
          defaultValue={v.receiptNumber ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="pin"
          label={t("pin")}
          error={fieldError("pin")}
          defaultValue={v.pin ?? ""}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
        />
        <TextField
          name="fullName"
          label={t("fullName")}
          error={fieldError("fullName")}
          defaultValue={v.fullName ?? ""}
          autoComplete="off"
        />
        <TextField
          name="phone"
          type="tel"
          label={t("phone")}
          hint={t("phoneHint")}
          error={fieldError("phone")}
          defaultValue={v.phone ?? ""}
          autoComplete="off"
        />
        <TextField
          name="paidOn"
          type="date"
          label={t("paidOn")}
          error={fieldError("paidOn")}
          defaultValue={v.paidOn ?? today}
          max={today}
        />
        <TextField
          name="amountSom"
          label={t("amountSom")}
          error={fieldError("amountSom")}
          defaultValue={v.amountSom ?? ""}
          inputMode="numeric"
          className="max-w-40"
        />
        <SelectField
          name="category"
          label={t("category")}
          error={fieldError("category")}
          defaultValue={v.category ?? "CITIZEN"}
          options={categories}
        />
        <SelectField
          name="termMonths"
          label={t("term")}
          error={fieldError("termMonths")}
          defaultValue={v.termMonths ?? "12"}
          options={[
            { value: "12", label: t("months12") },
            { value: "6", label: t("months6") },
          ]}
        />
        <SubmitButton label={t("submit")} />
      </form>
    </>
  );
}
