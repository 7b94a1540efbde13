"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import type { AppealStatusView } from "@/lib/appeals/view-models";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<AppealStatusView>, formData: FormData) => Promise<ActionResult<AppealStatusView>>;

/** Number + PIN, posted; the answer below the form. */
export function AppealStatusForm({ action, locale }: { action: Action; locale: string }) {
  const t = useTranslations("appeals");
  const format = useFormatter();
  const lang = useLocale();
  const [state, formAction] = useActionState(action, initialActionState<AppealStatusView>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["number", "pin"]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00+06:00`), { dateStyle: "long" });
  const a = state.ok ? state.data : null;
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="mb-8 max-w-xl" data-testid="appeal-status-form">
        <input type="hidden" name="locale" value={locale} />
        <TextField
          name="number"
          label={t("status.number")}
          hint={t("status.numberHint")}
          error={fieldError("number")}
          defaultValue={state.values.number ?? ""}
          autoComplete="off"
        />
        <TextField
          name="pin"
          label={t("status.pin")}
          error={fieldError("pin")}
          autoComplete="off"
          inputMode="numeric"
        />
        <SubmitButton label={t("status.submit")} />
      </form>
      {a && (
        <section
          aria-live="polite"
          className="mb-8 max-w-3xl border-l-4 border-[var(--color-success)] pl-4"
          data-testid="appeal-status"
        >
          <h2 className="mb-2 text-2xl font-bold">{a.number}</h2>
          <dl>
            <dt className="font-bold">{t("status.state")}</dt>
            <dd className="mb-2" data-testid="appeal-state">
              {t(`state.${a.state}`)}
            </dd>
            <dt className="font-bold">{t("status.office")}</dt>
            <dd className="mb-2">{lang === "ky" ? a.officeNameKy : a.officeNameRu}</dd>
            <dt className="font-bold">{t("status.filedAt")}</dt>
            <dd className="mb-2">{format.dateTime(new Date(a.filedAt), { dateStyle: "long" })}</dd>
            <dt className="font-bold">{t("status.dueOn")}</dt>
            <dd className="mb-2">{a.dueOn ? day(a.dueOn) : t("status.noDue")}</dd>
            {a.answer && (
              <>
                <dt className="font-bold">{t("status.answer")}</dt>
                <dd className="mb-2 whitespace-pre-line" data-testid="appeal-answer">
                  {a.answer}
                </dd>
              </>
            )}
            {a.closedOn && (
              <>
                <dt className="font-bold">{t("status.closedOn")}</dt>
                <dd className="mb-2">{day(a.closedOn)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}
