"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Radios } from "@/components/buy/radios";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Confirmed = { id: string };
type Action = (prev: ActionResult<Confirmed>, formData: FormData) => Promise<ActionResult<Confirmed>>;

const FIELDS = ["paymentMode", "paymentReference", "paymentDate"];

/** The clerk confirms a checked list with the entity's payment (cl. 30); the import then runs in the background. */
export function ConfirmImportForm({ action, importId, today }: { action: Action; importId: string; today: string }) {
  const t = useTranslations("contracts.import");
  const router = useRouter();
  const [state, formAction] = useActionState(action, initialActionState<Confirmed>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  const v = state.ok ? {} : state.values;
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="confirm-import-form">
        <input type="hidden" name="importId" value={importId} />
        <Radios
          name="paymentMode"
          legend={t("paymentMode")}
          error={fieldError("paymentMode")}
          defaultValue={v.paymentMode ?? "WHOLE"}
          options={[
            { value: "WHOLE", label: t("mode.WHOLE") },
            { value: "PER_PERSON", label: t("mode.PER_PERSON") },
          ]}
        />
        <TextField
          name="paymentReference"
          label={t("reference")}
          error={fieldError("paymentReference")}
          defaultValue={v.paymentReference ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="paymentDate"
          type="date"
          label={t("paymentDate")}
          error={fieldError("paymentDate")}
          defaultValue={v.paymentDate ?? today}
          max={today}
          className="max-w-60"
        />
        <SubmitButton label={t("confirm")} />
      </form>
    </>
  );
}
