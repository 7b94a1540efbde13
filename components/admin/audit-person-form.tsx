"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/** "Whose records?": a PIN posted to the server, which opens the log filtered by that person's id. */
export function AuditPersonForm({ action }: { action: Action }) {
  const t = useTranslations("audit.filter");
  const locale = useLocale();
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["pin"]);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form
        key={formKey}
        action={formAction}
        method="post"
        noValidate
        className="max-w-md"
        data-testid="audit-person-form"
      >
        <input type="hidden" name="locale" value={locale} />
        <TextField
          name="pin"
          label={t("pin")}
          hint={t("pinHint")}
          error={fieldError("pin")}
          defaultValue={state.values.pin ?? ""}
          inputMode="numeric"
          autoComplete="off"
        />
        <SubmitButton label={t("personSubmit")} pendingLabel={t("personSubmit")} variant="secondary" />
      </form>
    </>
  );
}
