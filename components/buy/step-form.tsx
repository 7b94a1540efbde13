"use client";

import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";
import { Radios, type RadioOption } from "./radios";

export type StepField =
  | {
      kind: "text";
      name: string;
      label: string;
      hint?: string;
      inputMode?: "numeric" | "tel" | "text";
      autoComplete?: string;
      type?: "text" | "tel" | "date";
      width?: "short" | "full";
      spellCheck?: boolean;
    }
  | { kind: "select"; name: string; label: string; hint?: string; options: { value: string; label: string }[] }
  | { kind: "radios"; name: string; label: string; hint?: string; options: RadioOption[] };

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/**
 * One page of the purchase journey (STYLE §8): the question, server-side validation only (noValidate), an error
 * summary that takes focus and links to the fields, the answers kept after an error. Works without JavaScript: the
 * form posts to the server action, which redirects to the next page.
 */
export function StepForm({
  action,
  title,
  lead,
  fields,
  hidden,
  defaults,
  submitLabel,
  pendingLabel,
  testId,
  children,
}: {
  action: Action;
  title: string;
  lead?: string;
  fields: StepField[];
  hidden: Record<string, string>;
  defaults: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  testId: string;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(
    state,
    fields.map((f) => f.name),
  );
  const values = state.ok ? defaults : { ...defaults, ...state.values };
  // A single radio question is its own heading (GOV.UK: the legend is the h1).
  const legendIsHeading = fields.length === 1 && fields[0]!.kind === "radios";
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      {!legendIsHeading && <h1 className="mb-4 text-3xl font-bold">{title}</h1>}
      {lead && !legendIsHeading && <p className="mb-6 max-w-2xl text-lg">{lead}</p>}
      <form key={formKey} action={formAction} noValidate className="max-w-2xl" data-testid={testId}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields.map((f) => {
          const error = fieldError(f.name);
          if (f.kind === "radios") {
            return (
              <Radios
                key={f.name}
                name={f.name}
                legend={legendIsHeading ? title : f.label}
                legendIsHeading={legendIsHeading}
                hint={legendIsHeading ? (lead ?? f.hint) : f.hint}
                error={error}
                options={f.options}
                defaultValue={values[f.name]}
              />
            );
          }
          if (f.kind === "select") {
            return (
              <SelectField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                error={error}
                options={f.options}
                defaultValue={values[f.name] ?? ""}
              />
            );
          }
          return (
            <TextField
              key={f.name}
              name={f.name}
              label={f.label}
              hint={f.hint}
              error={error}
              type={f.type ?? "text"}
              inputMode={f.inputMode}
              autoComplete={f.autoComplete ?? "off"}
              spellCheck={f.spellCheck}
              defaultValue={values[f.name] ?? ""}
              className={f.width === "short" ? "max-w-xs" : undefined}
            />
          );
        })}
        {children}
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} />
      </form>
    </>
  );
}
