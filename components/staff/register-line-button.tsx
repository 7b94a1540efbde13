"use client";

import { useTranslations } from "next-intl";
import { dynamicKey } from "@/lib/i18n/message-key";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Answer = { result: number | "pending"; comment: string };
type Action = (prev: ActionResult<Answer>, formData: FormData) => Promise<ActionResult<Answer>>;

/** One click registers a registry line through the terminals' idempotent `pay` path; the answer is shown in place. */
export function RegisterLineButton({ action, uploadId, txnId }: { action: Action; uploadId: string; txnId: string }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<Answer>());
  if (state.ok && state.data.result === "pending") {
    return (
      <p data-testid={`line-${txnId}-answer`} className="font-bold">
        {t("approvals.held")}
      </p>
    );
  }
  if (state.ok) {
    return (
      <p
        data-testid={`line-${txnId}-answer`}
        className={
          state.data.result === 0 ? "font-bold text-[var(--color-success)]" : "font-bold text-[var(--color-danger)]"
        }
      >
        {t(state.data.result === 0 ? "payments.reconciliation.registered" : "payments.reconciliation.notRegistered", {
          comment: state.data.comment,
        })}
      </p>
    );
  }
  return (
    <form action={formAction} data-testid={`register-${txnId}`}>
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="txnId" value={txnId} />
      <SubmitButton label={t("payments.reconciliation.register")} variant="secondary" />
      {state.formError && (
        <p className="font-bold text-[var(--color-danger)]">
          {t.has(dynamicKey(state.formError)) ? t(dynamicKey(state.formError)) : t("errors.unexpected")}
        </p>
      )}
    </form>
  );
}
