"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { dynamicKey } from "@/lib/i18n/message-key";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<boolean>, formData: FormData) => Promise<ActionResult<boolean>>;

/** cl. 15: one button records that the paper policy of an accepted application is made. */
export function PolicyMadeButton({ action, applicationId }: { action: Action; applicationId: string }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<boolean>());
  if (state.ok) return null;
  return (
    <form action={formAction} className="no-print mt-2" data-testid="policy-made-form">
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton label={t("desk.application.markMade")} variant="secondary" />
      {state.formError && (
        <p className="font-bold text-[var(--color-danger)]">
          {t.has(dynamicKey(state.formError)) ? t(dynamicKey(state.formError)) : t("errors.unexpected")}
        </p>
      )}
    </form>
  );
}
