"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { Link } from "@/lib/i18n/navigation";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<{ login: string }>, formData: FormData) => Promise<ActionResult<{ login: string }>>;

/** The staff member's new password through a one-time link (issue 15); after it, the way to sign in. */
export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const t = useTranslations("administration.reset");
  const [state, formAction] = useActionState(action, initialActionState<{ login: string }>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, [
    "password",
    "passwordConfirm",
  ]);
  if (state.ok) {
    return (
      <div className="border-l-8 border-[var(--color-success)] bg-green-50 p-3" role="status" data-testid="reset-done">
        <p className="mb-2 font-bold">{t("done")}</p>
        <Link href="/staff/sign-in">{t("signIn")}</Link>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form action={formAction} noValidate key={formKey} data-testid="reset-password-form">
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          type="password"
          label={t("password")}
          hint={t("passwordHint")}
          error={fieldError("password")}
          autoComplete="new-password"
        />
        <TextField
          name="passwordConfirm"
          type="password"
          label={t("passwordConfirm")}
          error={fieldError("passwordConfirm")}
          autoComplete="new-password"
        />
        <SubmitButton label={t("submit")} />
      </form>
    </>
  );
}
