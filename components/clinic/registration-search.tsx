"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { Link } from "@/lib/i18n/navigation";
import type { PregnancyRegistrationView } from "@/lib/pregnancy/view-models";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";
import { RegistrationsTable } from "./registrations-table";

type Found = { rows: PregnancyRegistrationView[]; total: number };
type Action = (prev: ActionResult<Found>, formData: FormData) => Promise<ActionResult<Found>>;

/**
 * The doctor's search box. It posts (a PIN or a surname never lands in a URL); the answer replaces the list, which
 * comes back with "show all".
 */
export function RegistrationSearch({ action, children }: { action: Action; children: ReactNode }) {
  const t = useTranslations("clinic");
  const [state, formAction] = useActionState(action, initialActionState<Found>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["q"]);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate role="search" className="mb-6 flex flex-wrap items-end gap-3">
        <TextField
          name="q"
          label={t("search")}
          error={fieldError("q")}
          defaultValue={state.values.q ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="mb-6">
          <SubmitButton label={t("find")} variant="secondary" />
        </div>
      </form>
      {state.ok && state.data ? (
        <section aria-live="polite" data-testid="search-results">
          <p className="mb-3">
            <Link href="/staff/clinic">{t("clearSearch")}</Link>
          </p>
          <RegistrationsTable rows={state.data.rows} caption={t("searchResults")} />
        </section>
      ) : (
        children
      )}
    </>
  );
}
