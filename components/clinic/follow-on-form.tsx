"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { longDateValues } from "@/lib/i18n/long-date";
import type { FollowOnResult } from "@/lib/pregnancy/view-models";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<FollowOnResult>, formData: FormData) => Promise<ActionResult<FollowOnResult>>;

/** Interpretation I32: one button issues the free policy that follows her coverage; the answer says what happened. */
export function FollowOnForm({
  action,
  locale,
  registrationId,
  followsOn,
}: {
  action: Action;
  locale: string;
  registrationId: string;
  followsOn: string;
}) {
  const t = useTranslations("clinic.record");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  const [state, formAction] = useActionState(action, initialActionState<FollowOnResult>());
  const { summary, summaryTitle, titlePrefix } = useFormErrors(state, []);
  if (state.ok) {
    const r = state.data;
    return (
      <p className="mt-2 font-bold" role="status" data-testid="follow-on-result">
        {r.outcome === "POLICY_ISSUED"
          ? t("followOnIssued", { number: r.policyNumber, from: day(r.validFrom), to: day(r.validTo) })
          : r.outcome === "NOT_NEEDED"
            ? t("followOnNotNeeded", { date: day(r.insuredUntil) })
            : t("followOnOver")}
      </p>
    );
  }
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form action={formAction} className="mt-3">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="registrationId" value={registrationId} />
        <SubmitButton label={t("followOnButton", { date: day(followsOn) })} />
      </form>
    </>
  );
}
