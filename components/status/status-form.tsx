"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";
import type { StatusView } from "@/lib/policies/status-view";
import { StatusResult } from "./status-result";

type Action = (prev: ActionResult<StatusView>, formData: FormData) => Promise<ActionResult<StatusView>>;
type BuyAction = (formData: FormData) => Promise<void>;

/** The form's texts, translated by the page (the browser has no translations: issue 17). */
export type StatusFormLabels = {
  pinLabel: string;
  pinHint: string;
  documentLabel: string;
  documentHint: string;
  dateLabel: string;
  dateHint: string;
  submit: string;
  checking: string;
  buyForPin: string;
};

/**
 * The status check by PIN, or (`by="document"`, SPEC §8) by the document number of a foreigner without a PIN. Each
 * form is its own action state, so an error in one never shows in the other. Without JavaScript the form posts to
 * the server action and the page comes back with its answer or its errors (React's progressive enhancement).
 */
export function StatusForm({
  action,
  by = "pin",
  buyAction,
  locale,
  labels: t,
}: {
  action: Action;
  by?: "pin" | "document";
  /** starts the purchase for the PIN just checked (a POST: the PIN never goes into a URL) */
  buyAction?: BuyAction;
  locale: string;
  labels: StatusFormLabels;
}) {
  const [state, formAction] = useActionState(action, initialActionState<StatusView>());
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
        <input type="hidden" name="locale" value={locale} />
        {by === "pin" ? (
          <TextField
            name="pin"
            label={t.pinLabel}
            hint={t.pinHint}
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
            label={t.documentLabel}
            hint={t.documentHint}
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
          label={t.dateLabel}
          hint={t.dateHint}
          error={fieldError("on")}
          defaultValue={state.values.on ?? ""}
        />
        <SubmitButton label={t.submit} pendingLabel={t.checking} />
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
                  {t.buyForPin}
                </button>
              </form>
            ) : null
          }
        />
      )}
    </>
  );
}
