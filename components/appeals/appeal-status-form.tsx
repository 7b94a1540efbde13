"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import type { AppealStatusText } from "@/lib/appeals/view-models";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<AppealStatusText>, formData: FormData) => Promise<ActionResult<AppealStatusText>>;

/** The form's texts, translated by the page (the browser has no translations: issue 17). */
export type AppealStatusLabels = { number: string; numberHint: string; pin: string; submit: string };

/**
 * Number + PIN, posted; the answer below the form, as text the server wrote in the page's language. Works without
 * JavaScript: the page comes back with the answer or the errors.
 */
export function AppealStatusForm({
  action,
  locale,
  labels,
}: {
  action: Action;
  locale: string;
  labels: AppealStatusLabels;
}) {
  const [state, formAction] = useActionState(action, initialActionState<AppealStatusText>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["number", "pin"]);
  const a = state.ok ? state.data : null;
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="mb-8 max-w-xl" data-testid="appeal-status-form">
        <input type="hidden" name="locale" value={locale} />
        <TextField
          name="number"
          label={labels.number}
          hint={labels.numberHint}
          error={fieldError("number")}
          defaultValue={state.values.number ?? ""}
          autoComplete="off"
        />
        <TextField name="pin" label={labels.pin} error={fieldError("pin")} autoComplete="off" inputMode="numeric" />
        <SubmitButton label={labels.submit} />
      </form>
      {a && (
        <section
          aria-live="polite"
          className="mb-8 max-w-3xl border-l-4 border-[var(--color-success)] pl-4"
          data-testid="appeal-status"
        >
          <h2 className="mb-2 text-2xl font-bold">{a.number}</h2>
          <dl>
            {a.rows.map((r) => (
              <div key={r.label}>
                <dt className="font-bold">{r.label}</dt>
                <dd className={`mb-2 ${r.multiline ? "whitespace-pre-line" : ""}`} data-testid={r.testId}>
                  {r.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}
