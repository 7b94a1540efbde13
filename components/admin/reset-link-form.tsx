"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { dynamicKey } from "@/lib/i18n/message-key";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Issued = { link: string; expiresAt: string };
type Action = (prev: ActionResult<Issued>, formData: FormData) => Promise<ActionResult<Issued>>;

/** Issues a one-time password-reset link and shows it once (issue 15): the admin hands it to the staff member. */
export function ResetLinkForm({
  action,
  userId,
  login,
  locale,
}: {
  action: Action;
  userId: string;
  login: string;
  locale: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<Issued>());
  const until = state.ok
    ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Bishkek" }).format(
        new Date(state.data.expiresAt),
      )
    : "";
  return (
    <>
      {state.ok && (
        <div className="mb-4 border-l-8 border-[var(--color-success)] bg-green-50 p-3" role="status">
          <p className="font-bold">{t("administration.users.resetIssued", { login, until })}</p>
          <p className="font-mono break-all" data-testid="reset-link">
            {state.data.link}
          </p>
        </div>
      )}
      {!state.ok && state.formError && (
        <p className="mb-4 font-bold text-[var(--color-danger)]" role="alert">
          {t.has(dynamicKey(state.formError)) ? t(dynamicKey(state.formError)) : t("errors.unexpected")}
        </p>
      )}
      <form action={formAction} data-testid="reset-link-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="locale" value={locale} />
        <SubmitButton label={t("administration.users.resetButton")} variant="secondary" />
      </form>
    </>
  );
}
