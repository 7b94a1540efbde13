"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/** One button that posts a few hidden values to a server action which redirects (pay again, resume a payment). */
export function ButtonForm({
  action,
  hidden,
  label,
  variant = "primary",
  testId,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary";
  testId: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { summary, summaryTitle, titlePrefix } = useFormErrors(state, []);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form action={formAction} data-testid={testId} className="no-print mb-4">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SubmitButton label={label} variant={variant} />
      </form>
    </>
  );
}
