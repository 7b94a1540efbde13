"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Saved = { id: string };
type Action = (prev: ActionResult<Saved>, formData: FormData) => Promise<ActionResult<Saved>>;

const FIELDS = [
  "number",
  "entityName",
  "registrationNumber",
  "validFrom",
  "validTo",
  "contactName",
  "contactPhone",
  "contactEmail",
  "status",
];

export type ContractFormValues = Partial<Record<(typeof FIELDS)[number], string>>;

/** The contract with a legal entity (cl. 29): new (no `id`) or changed (with `id`, and its status). */
export function ContractForm({
  action,
  initial = {},
  id,
  submitLabel,
}: {
  action: Action;
  initial?: ContractFormValues;
  id?: string;
  submitLabel: string;
}) {
  const t = useTranslations("contracts");
  const locale = useLocale();
  const router = useRouter();
  const [state, formAction] = useActionState(action, initialActionState<Saved>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  useEffect(() => {
    if (state.ok) router.push(`/${locale}/staff/office/contracts/${state.data.id}`);
  }, [state, locale, router]);
  const v = (name: string) => (state.ok ? undefined : state.values[name]) ?? initial[name] ?? "";
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="contract-form">
        {id && <input type="hidden" name="id" value={id} />}
        <TextField
          name="number"
          label={t("field.number")}
          error={fieldError("number")}
          defaultValue={v("number")}
          autoComplete="off"
        />
        <TextField
          name="entityName"
          label={t("field.entityName")}
          error={fieldError("entityName")}
          defaultValue={v("entityName")}
          autoComplete="organization"
        />
        <TextField
          name="registrationNumber"
          label={t("field.registrationNumber")}
          hint={t("field.registrationNumberHint")}
          error={fieldError("registrationNumber")}
          defaultValue={v("registrationNumber")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
          className="max-w-60"
        />
        <TextField
          name="validFrom"
          type="date"
          label={t("field.validFrom")}
          hint={t("field.dateHint")}
          error={fieldError("validFrom")}
          defaultValue={v("validFrom")}
          className="max-w-60"
        />
        <TextField
          name="validTo"
          type="date"
          label={t("field.validTo")}
          hint={t("field.dateHint")}
          error={fieldError("validTo")}
          defaultValue={v("validTo")}
          className="max-w-60"
        />
        <TextField
          name="contactName"
          label={t("field.contactName")}
          error={fieldError("contactName")}
          defaultValue={v("contactName")}
          autoComplete="off"
        />
        <TextField
          name="contactPhone"
          type="tel"
          label={t("field.contactPhone")}
          error={fieldError("contactPhone")}
          defaultValue={v("contactPhone")}
          autoComplete="off"
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t("field.contactEmail")}
          error={fieldError("contactEmail")}
          defaultValue={v("contactEmail")}
          autoComplete="off"
        />
        {id && (
          <SelectField
            name="status"
            label={t("field.status")}
            error={fieldError("status")}
            defaultValue={v("status") || "ACTIVE"}
            options={[
              { value: "ACTIVE", label: t("status.ACTIVE") },
              { value: "TERMINATED", label: t("status.TERMINATED") },
            ]}
          />
        )}
        <SubmitButton label={submitLabel} />
      </form>
    </>
  );
}
