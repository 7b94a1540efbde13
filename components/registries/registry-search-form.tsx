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
 * A registry's search (PIN, document, policy or receipt number): sent by POST, so a PIN never lands in the address
 * (the server answers with the list and a sealed search token).
 */
export function RegistrySearchForm({ action, locale, kind }: { action: Action; locale: string; kind: string }) {
  const t = useTranslations("registries.search");
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["text"]);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="mb-6 max-w-xl" data-testid="registry-search">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="kind" value={kind} />
        <TextField
          name="text"
          label={t("label")}
          hint={t("hint")}
          error={fieldError("text")}
          defaultValue=""
          autoComplete="off"
          spellCheck={false}
        />
        <SubmitButton label={t("submit")} variant="secondary" />
      </form>
    </>
  );
}
