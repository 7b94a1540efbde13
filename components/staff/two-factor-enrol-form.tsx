"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Result = { recoveryCodes: string[] };
type Action = (prev: ActionResult<Result>, formData: FormData) => Promise<ActionResult<Result>>;

/** Scan, type the code, get the recovery codes (shown once). */
export function TwoFactorEnrolForm(props: {
  action: Action;
  sealed: string;
  secret: string;
  qrDataUrl: string;
  continueHref: string;
}) {
  const t = useTranslations("security.account");
  const [state, formAction] = useActionState(props.action, initialActionState<Result>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["code"]);
  if (state.ok) {
    return (
      <div data-testid="recovery-codes" role="status">
        <h2 className="mb-2 text-xl font-bold">{t("recoveryTitle")}</h2>
        <p className="mb-4 max-w-2xl">{t("recoveryText")}</p>
        <ul className="mb-6 grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
          {state.data.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <a href={props.continueHref} className="font-bold">
          {t("continue")}
        </a>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <p className="mb-2 max-w-2xl">{t("enrolStep1")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
      <img src={props.qrDataUrl} alt={t("qrAlt")} width={220} height={220} className="mb-2" />
      <p className="mb-4 font-mono text-lg break-all" data-testid="totp-secret">
        {props.secret}
      </p>
      <form action={formAction} noValidate key={formKey} data-testid="two-factor-form" className="max-w-md">
        <input type="hidden" name="sealed" value={props.sealed} />
        <TextField
          name="code"
          label={t("codeLabel")}
          hint={t("enrolStep2")}
          error={fieldError("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
        />
        <SubmitButton label={t("enrolSubmit")} />
      </form>
    </>
  );
}
