"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";
import type { InsuredStatus } from "@/lib/rules";
import { StatusResult } from "./status-result";

type Action = (prev: ActionResult<InsuredStatus>, formData: FormData) => Promise<ActionResult<InsuredStatus>>;
type BuyAction = (formData: FormData) => Promise<void>;

/**
 * The status check by PIN, or (`by="document"`, SPEC §8) by the document number of a foreigner without a PIN. Each
 * form is its own action state, so an error in one never shows in the other.
 */
export function StatusForm({
  action,
  by = "pin",
  buyAction,
  locale,
}: {
  action: Action;
  by?: "pin" | "document";
  /** starts the purchase for the PIN just checked (a POST: the PIN never goes into a URL) */
  buyAction?: BuyAction;
  locale: string;
}) {
  const t = useTranslations("status");
  const [state, formAction] = useActionState(action, initialActionState<InsuredStatus>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, [by, "on"]);
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form
        key={formKey}
        action={formAction}
        noValidate
        className="max-w-xl"
        data-testid={by === "pin" ? "status-form" : "status-form-document"}
      >
        {by === "pin" ? (
          <TextField
            name="pin"
            label={t("pinLabel")}
            hint={t("pinHint")}
            error={fieldError("pin")}
            defaultValue={state.values.pin ?? ""}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            className="font-mono tracking-wider"
          />
        ) : (
          <TextField
            name="document"
            label={t("documentLabel")}
            hint={t("documentHint")}
            error={fieldError("document")}
            defaultValue={state.values.document ?? ""}
            autoComplete="off"
            spellCheck={false}
            maxLength={30}
            className="font-mono tracking-wider"
          />
        )}
        <TextField
          name="on"
          type="date"
          label={t("dateLabel")}
          hint={t("dateHint")}
          error={fieldError("on")}
          defaultValue={state.values.on ?? ""}
        />
        <SubmitButton label={t("submit")} pendingLabel={t("checking")} />
      </form>
      {state.ok && (
        <StatusResult
          status={state.data}
          buy={
            by === "pin" && buyAction && state.values.pin ? (
              <form action={buyAction} className="mt-4" data-testid="buy-for-pin">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="pin" value={state.values.pin} />
                <button type="submit" className="bg-[var(--color-success)] px-4 py-2 font-bold text-white">
                  {t("buyForPin")}
                </button>
              </form>
            ) : null
          }
        />
      )}
    </>
  );
}
