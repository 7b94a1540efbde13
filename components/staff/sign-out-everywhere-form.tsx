"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<boolean>, formData: FormData) => Promise<ActionResult<boolean>>;

/** "Sign out everywhere": every session ends (session version), then this browser signs out too. */
export function SignOutEverywhereForm({ action, signInHref }: { action: Action; signInHref: string }) {
  const t = useTranslations("security.account");
  const [state, formAction] = useActionState(action, initialActionState<boolean>());
  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: signInHref });
  }, [state.ok, signInHref]);
  return (
    <form action={formAction} data-testid="sign-out-everywhere-form">
      <h2 className="mb-2 text-xl font-bold">{t("signOutEverywhereTitle")}</h2>
      <p className="mb-4">{t("signOutEverywhereText")}</p>
      <SubmitButton label={t("signOutEverywhere")} />
    </form>
  );
}
