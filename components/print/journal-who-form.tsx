"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/**
 * The journal's search by name or PIN: sent by POST, so the PIN never lands in the address (the server answers with
 * a sealed search token); the other filters travel along as hidden fields.
 */
export function JournalWhoForm({
  action,
  locale,
  filters,
}: {
  action: Action;
  locale: string;
  filters: Record<string, string>;
}) {
  const t = useTranslations("print.journal");
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["who"]);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="mb-6 max-w-xl" data-testid="journal-who-form">
        <input type="hidden" name="locale" value={locale} />
        {Object.entries(filters).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <TextField
          name="who"
          label={t("who")}
          hint={t("whoHint")}
          error={fieldError("who")}
          defaultValue=""
          autoComplete="off"
          spellCheck={false}
        />
        <SubmitButton label={t("find")} variant="secondary" />
      </form>
    </>
  );
}
