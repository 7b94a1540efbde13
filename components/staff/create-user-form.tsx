"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Option = { value: string; label: string };
type Action = (prev: ActionResult<{ login: string }>, formData: FormData) => Promise<ActionResult<{ login: string }>>;

const FIELDS = ["login", "fullName", "role", "password", "officeCode", "healthOrganizationCode"];

export function CreateUserForm({
  action,
  roles,
  offices,
  organizations,
}: {
  action: Action;
  roles: Option[];
  offices: Option[];
  organizations: Option[];
}) {
  const t = useTranslations("staff.admin");
  const [state, formAction] = useActionState(action, initialActionState<{ login: string }>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  // After success the form starts empty for the next account; after an error it keeps what was typed (not the password).
  const v = state.ok ? {} : state.values;
  const choose = { value: "", label: t("choose") };
  return (
    <>
      {state.ok && (
        <p
          className="mb-4 border-l-8 border-[var(--color-success)] bg-green-50 p-3 font-bold"
          data-testid="user-created"
          role="status"
        >
          {t("created", { login: state.data.login })}
        </p>
      )}
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form action={formAction} noValidate key={formKey} data-testid="create-user-form">
        <TextField
          name="login"
          label={t("login")}
          error={fieldError("login")}
          defaultValue={v.login ?? ""}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          name="fullName"
          label={t("fullName")}
          error={fieldError("fullName")}
          defaultValue={v.fullName ?? ""}
          autoComplete="off"
        />
        <SelectField
          name="role"
          label={t("role")}
          error={fieldError("role")}
          defaultValue={v.role ?? ""}
          options={[choose, ...roles]}
        />
        <SelectField
          name="officeCode"
          label={t("office")}
          hint={t("officeHint")}
          error={fieldError("officeCode")}
          defaultValue={v.officeCode ?? ""}
          options={[choose, ...offices]}
        />
        <SelectField
          name="healthOrganizationCode"
          label={t("healthOrganization")}
          hint={t("healthOrganizationHint")}
          error={fieldError("healthOrganizationCode")}
          defaultValue={v.healthOrganizationCode ?? ""}
          options={[choose, ...organizations]}
        />
        <TextField
          name="password"
          type="password"
          label={t("password")}
          hint={t("passwordHint")}
          error={fieldError("password")}
          autoComplete="new-password"
        />
        <SubmitButton label={t("create")} />
      </form>
    </>
  );
}
