"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

export type AdminField = {
  name: string;
  label: string;
  hint?: string;
  /** a select when options are given; "password" for a secret (never echoed back) */
  type?: "text" | "password";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "tel";
};

type Action<T> = (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * The administration screens' forms (issue 15): labelled fields, the error summary, a success note. After success an
 * add form starts empty (`resetOnSuccess`), an edit form keeps what was saved; after an error it keeps what was typed.
 */
export function AdminForm<T>({
  action,
  fields,
  hidden = {},
  submitLabel,
  successText,
  testId,
  resetOnSuccess = false,
  showForm = true,
}: {
  action: Action<T>;
  fields: AdminField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  successText: string;
  testId: string;
  resetOnSuccess?: boolean;
  /**
   * false: the form is not offered (nothing to do now), while the note of a success stays — an action whose success
   * takes away what it acted on (a second factor reset) still says it succeeded after the page is refreshed.
   */
  showForm?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialActionState<T>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(
    state,
    fields.map((f) => f.name),
  );
  const v: Record<string, string> = state.ok && resetOnSuccess ? {} : state.values;
  return (
    <>
      {state.ok && (
        <p
          className="mb-4 border-l-8 border-[var(--color-success)] bg-green-50 p-3 font-bold"
          data-testid={`${testId}-done`}
          role="status"
        >
          {successText}
        </p>
      )}
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      {showForm && (
        <form action={formAction} noValidate key={formKey} data-testid={testId}>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {fields.map((f) =>
            f.options ? (
              <SelectField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                error={fieldError(f.name)}
                defaultValue={v[f.name] ?? f.defaultValue ?? ""}
                options={f.options}
              />
            ) : (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                error={fieldError(f.name)}
                type={f.type ?? "text"}
                defaultValue={f.type === "password" ? undefined : (v[f.name] ?? f.defaultValue ?? "")}
                autoComplete={f.autoComplete ?? "off"}
                inputMode={f.inputMode}
                spellCheck={false}
              />
            ),
          )}
          <SubmitButton label={submitLabel} />
        </form>
      )}
    </>
  );
}
