"use client";

import { useTranslations } from "next-intl";
import { dynamicKey } from "@/lib/i18n/message-key";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<null>, formData: FormData) => Promise<ActionResult<null>>;

export function UserActiveToggle({
  action,
  userId,
  active,
  login,
}: {
  action: Action;
  userId: string;
  active: boolean;
  login: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<null>());
  return (
    <form action={formAction} data-testid={`toggle-${login}`}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton
        label={active ? t("staff.admin.block") : t("staff.admin.unblock")}
        variant={active ? "warning" : "secondary"}
      />
      {!state.ok && state.formError && (
        <p className="mt-1 font-bold text-[var(--color-danger)]">
          {t.has(dynamicKey(state.formError)) ? t(dynamicKey(state.formError)) : t("errors.unexpected")}
        </p>
      )}
    </form>
  );
}
