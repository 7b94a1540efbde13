"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { dynamicKey } from "@/lib/i18n/message-key";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<null>, formData: FormData) => Promise<ActionResult<null>>;

/** One button acting on one row (remove a calendar day): hidden fields, the refusal shown beside it. */
export function RowAction({
  action,
  hidden,
  label,
  testId,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  testId: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<null>());
  return (
    <form action={formAction} data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton label={label} variant="secondary" />
      {!state.ok && state.formError && (
        <p className="mt-1 font-bold text-[var(--color-danger)]" role="alert">
          {t.has(dynamicKey(state.formError)) ? t(dynamicKey(state.formError)) : t("errors.unexpected")}
        </p>
      )}
    </form>
  );
}
