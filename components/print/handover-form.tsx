"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Radios } from "@/components/buy/radios";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

const FIELDS = ["handedOn", "recipient", "recipientName", "documentType", "documentNumber"];

/**
 * The hand-over form (cl. 16): the day (today by default), the holder or a representative, the recipient's full name
 * (the holder's by default) and a representative's document. Plain form controls in reading order: Tab moves through
 * them, Enter submits; without JavaScript it still posts.
 */
export function HandoverForm({
  action,
  locale,
  policyId,
  holderName,
  today,
  documentTypes,
}: {
  action: Action;
  locale: string;
  policyId: string;
  holderName: string;
  today: string;
  documentTypes: { value: string; label: string }[];
}) {
  const t = useTranslations("print.handover");
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  const v = state.ok ? {} : state.values;
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="handover-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="policyId" value={policyId} />
        <TextField
          name="handedOn"
          type="date"
          label={t("handedOn")}
          hint={t("dateHint")}
          error={fieldError("handedOn")}
          defaultValue={v.handedOn ?? today}
          max={today}
        />
        <Radios
          name="recipient"
          legend={t("recipient")}
          error={fieldError("recipient")}
          defaultValue={v.recipient ?? "HOLDER"}
          options={[
            { value: "HOLDER", label: t("HOLDER") },
            { value: "REPRESENTATIVE", label: t("REPRESENTATIVE") },
          ]}
        />
        <TextField
          name="recipientName"
          label={t("recipientName")}
          error={fieldError("recipientName")}
          defaultValue={v.recipientName ?? holderName}
          autoComplete="off"
          maxLength={150}
        />
        <SelectField
          name="documentType"
          label={t("documentType")}
          error={fieldError("documentType")}
          defaultValue={v.documentType ?? ""}
          options={[{ value: "", label: t("chooseDocument") }, ...documentTypes]}
        />
        <TextField
          name="documentNumber"
          label={t("documentNumber")}
          error={fieldError("documentNumber")}
          defaultValue={v.documentNumber ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={30}
        />
        <SubmitButton label={t("submit")} />
      </form>
    </>
  );
}
