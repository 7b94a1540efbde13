"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { FieldShell, fieldIds } from "@/components/forms/field-shell";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

export type FormFieldSpec =
  | { kind: "text" | "date"; name: string; label: string; hint?: string; defaultValue?: string; autoComplete?: string }
  | { kind: "textarea"; name: string; label: string; hint?: string; defaultValue?: string }
  | { kind: "select"; name: string; label: string; hint?: string; defaultValue?: string; options: Opt[] }
  | { kind: "radios"; name: string; label: string; hint?: string; defaultValue?: string; options: Opt[] }
  | { kind: "file"; name: string; label: string; hint?: string; accept: string };
type Opt = { value: string; label: string };

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/**
 * One form of the refunds and appeals screens: its fields, hidden values, an error summary on top (GOV.UK), and a
 * submit button. The action redirects on success (serverAction `redirect: true`); a failure stays on the form with
 * every field's message and the values typed.
 */
export function ActionForm({
  action,
  fields,
  hidden,
  submitLabel,
  variant,
  testId,
}: {
  action: Action;
  fields: FormFieldSpec[];
  hidden: Record<string, string>;
  submitLabel: string;
  variant?: "primary" | "secondary" | "warning";
  testId: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(
    state,
    fields.map((f) => f.name),
  );
  const value = (f: FormFieldSpec) =>
    (state.ok ? undefined : state.values[f.name]) ?? ("defaultValue" in f ? f.defaultValue : "");
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="mb-8 max-w-xl" data-testid={testId}>
        {Object.entries(hidden).map(([name, v]) => (
          <input key={name} type="hidden" name={name} value={v} />
        ))}
        {fields.map((f) => {
          const error = fieldError(f.name);
          switch (f.kind) {
            case "text":
            case "date":
              return (
                <TextField
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  hint={f.hint}
                  error={error}
                  type={f.kind}
                  autoComplete={f.autoComplete ?? "off"}
                  defaultValue={value(f)}
                />
              );
            case "select":
              return (
                <SelectField
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  hint={f.hint}
                  error={error}
                  options={f.options}
                  defaultValue={value(f)}
                />
              );
            case "textarea":
              return (
                <FieldShell key={f.name} name={f.name} label={f.label} hint={f.hint} error={error}>
                  <textarea
                    id={f.name}
                    name={f.name}
                    rows={4}
                    aria-describedby={fieldIds(f.name, f.hint, error).describedBy}
                    aria-invalid={error ? true : undefined}
                    className="block w-full max-w-md border-2 border-[var(--color-ink)] px-2 py-2 text-lg"
                    defaultValue={value(f)}
                  />
                </FieldShell>
              );
            case "radios":
              return (
                <fieldset
                  key={f.name}
                  className={`mb-6 ${error ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}
                  aria-describedby={error ? `${f.name}-error` : undefined}
                >
                  <legend className="mb-1 font-bold">{f.label}</legend>
                  {error && (
                    <p id={`${f.name}-error`} className="mb-1 font-bold text-[var(--color-danger)]">
                      {error}
                    </p>
                  )}
                  {f.options.map((o, i) => (
                    <label key={o.value} className="mb-1 flex items-center gap-2">
                      <input
                        type="radio"
                        name={f.name}
                        id={i === 0 ? f.name : undefined}
                        value={o.value}
                        defaultChecked={value(f) === o.value}
                        className="h-5 w-5"
                      />
                      {o.label}
                    </label>
                  ))}
                </fieldset>
              );
            case "file":
              return (
                <FieldShell key={f.name} name={f.name} label={f.label} hint={f.hint} error={error}>
                  <input
                    id={f.name}
                    name={f.name}
                    type="file"
                    accept={f.accept}
                    aria-describedby={fieldIds(f.name, f.hint, error).describedBy}
                    aria-invalid={error ? true : undefined}
                    className="block"
                  />
                </FieldShell>
              );
          }
        })}
        <SubmitButton label={submitLabel} variant={variant} />
      </form>
    </>
  );
}
