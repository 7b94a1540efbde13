"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;
type Option = { value: string; label: string };

const FIELDS = [
  "category",
  "lastName",
  "firstName",
  "patronymic",
  "pin",
  "documentType",
  "documentNumber",
  "birthDate",
  "sex",
  "citizenship",
  "phone",
  "email",
] as const;
type Field = (typeof FIELDS)[number];

/**
 * Registers a person or completes their record (issue 12). Which fields a category needs is the rules' answer
 * (personFieldsFor), checked on the server; the form shows them all with hints, so it works without JavaScript.
 */
export function PersonForm({
  action,
  locale,
  personId,
  initial,
  categories,
  documentTypes,
}: {
  action: Action;
  locale: string;
  personId?: string;
  initial: Partial<Record<Field, string>>;
  categories: Option[];
  documentTypes: Option[];
}) {
  const t = useTranslations("desk.form");
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, [...FIELDS]);
  const value = (name: Field) => state.values[name] ?? initial[name] ?? "";
  const text = (name: Exclude<Field, "category" | "documentType" | "sex">, hint?: string) => ({
    name,
    label: t(name),
    hint,
    error: fieldError(name),
    defaultValue: value(name),
    autoComplete: "off",
  });
  const none = { value: "", label: t("noChoice") };
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-2xl" data-testid="person-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="personId" value={personId ?? ""} />
        <SelectField
          name="category"
          label={t("category")}
          error={fieldError("category")}
          options={[none, ...categories]}
          defaultValue={value("category")}
        />
        <TextField {...text("lastName")} />
        <TextField {...text("firstName")} />
        <TextField {...text("patronymic")} />
        <TextField {...text("pin", t("pinHint"))} inputMode="numeric" maxLength={20} />
        <SelectField
          name="documentType"
          label={t("documentType")}
          error={fieldError("documentType")}
          options={[none, ...documentTypes]}
          defaultValue={value("documentType")}
        />
        <TextField {...text("documentNumber")} spellCheck={false} />
        <TextField {...text("birthDate", t("birthDateHint"))} />
        <SelectField
          name="sex"
          label={t("sex")}
          error={fieldError("sex")}
          options={[none, { value: "FEMALE", label: t("female") }, { value: "MALE", label: t("male") }]}
          defaultValue={value("sex")}
        />
        <TextField {...text("citizenship", t("citizenshipHint"))} spellCheck={false} maxLength={9} />
        <TextField {...text("phone")} inputMode="tel" />
        <TextField {...text("email", t("emailHint"))} type="email" spellCheck={false} maxLength={100} />
        <SubmitButton label={t("submit")} />
      </form>
    </>
  );
}
