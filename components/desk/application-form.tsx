"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Radios } from "@/components/buy/radios";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;
/** cl. 10: a category's checklist, labels already translated */
export type CategoryChecklist = { category: string; label: string; documents: { code: string; label: string }[] };

const FIELDS = ["category", "termMonths", "receivedOn", "documents", "paymentId", "receiptNumber"];

/**
 * The walk-in application (cl. 10–15): category and term, the day the person came, the cl. 10 documents of the
 * chosen category, and the payment brought (one of the person's, or another by its receipt number). The rules decide
 * on the server; a refusal opens the application's record with the explanation.
 */
export function ApplicationForm({
  action,
  locale,
  personId,
  today,
  defaultCategory,
  checklists,
  terms,
  payments,
}: {
  action: Action;
  locale: string;
  personId: string;
  today: string;
  defaultCategory: string;
  checklists: CategoryChecklist[];
  terms: number[];
  payments: { id: string; label: string }[];
}) {
  const t = useTranslations("desk.apply");
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  const v = state.values;
  const [category, setCategory] = useState(v.category ?? defaultCategory);
  const checklist = checklists.find((c) => c.category === category);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-2xl" data-testid="application-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="personId" value={personId} />
        <SelectField
          name="category"
          label={t("category")}
          error={fieldError("category")}
          options={checklists.map((c) => ({ value: c.category, label: c.label }))}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        />
        <SelectField
          name="termMonths"
          label={t("term")}
          hint={t("termHint")}
          error={fieldError("termMonths")}
          options={terms.map((m) => ({ value: String(m), label: String(m) }))}
          defaultValue={v.termMonths ?? "12"}
        />
        <TextField
          name="receivedOn"
          label={t("receivedOn")}
          hint={t("receivedOnHint")}
          error={fieldError("receivedOn")}
          defaultValue={v.receivedOn ?? today}
          autoComplete="off"
        />
        <fieldset
          id="documents"
          className={`mb-6 ${fieldError("documents") ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}
          data-testid="documents"
        >
          <legend className="mb-2 font-bold">{t("documents")}</legend>
          {fieldError("documents") && (
            <p className="mb-2 font-bold text-[var(--color-danger)]">{fieldError("documents")}</p>
          )}
          {checklist && (
            <div key={checklist.category}>
              <p className="mb-1">{t("documentsFor", { category: checklist.label })}</p>
              {checklist.documents.map((d) => (
                <Checkbox key={d.code} id={`doc-${d.code}`} name="documents" value={d.code} label={d.label} />
              ))}
            </div>
          )}
        </fieldset>
        <Radios
          name="paymentId"
          legend={t("payment")}
          error={fieldError("paymentId")}
          defaultValue={v.paymentId ?? payments[0]?.id ?? "none"}
          options={[
            ...payments.map((p) => ({ value: p.id, label: p.label })),
            { value: "none", label: t("noPayment") },
          ]}
        />
        <TextField
          name="receiptNumber"
          label={t("receiptNumber")}
          hint={t("receiptHint")}
          error={fieldError("receiptNumber")}
          defaultValue={v.receiptNumber ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <SubmitButton label={t("submit")} />
      </form>
    </>
  );
}
