"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

const SOURCES = ["EMPLOYMENT", "STATE", "OTHER"] as const;

/** The registry upload: source, period and file; a started import opens its own page (the action redirects). */
export function CoverageUploadForm({ action, columns, maxMb }: { action: Action; columns: string; maxMb: number }) {
  const t = useTranslations("coverage");
  const locale = useLocale();
  const [state, formAction] = useActionState(action, initialActionState<string>());
  const fields = ["source", "periodFrom", "periodTo", "file"];
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, fields);
  const fileError = fieldError("file");
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="coverage-upload-form">
        <input type="hidden" name="locale" value={locale} />
        <SelectField
          name="source"
          label={t("form.source")}
          error={fieldError("source")}
          defaultValue={state.values.source ?? "EMPLOYMENT"}
          options={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
        />
        <TextField
          name="periodFrom"
          label={t("form.periodFrom")}
          hint={t("form.dateHint")}
          error={fieldError("periodFrom")}
          defaultValue={state.values.periodFrom ?? ""}
          inputMode="numeric"
        />
        <TextField
          name="periodTo"
          label={t("form.periodTo")}
          hint={t("form.dateHint")}
          error={fieldError("periodTo")}
          defaultValue={state.values.periodTo ?? ""}
          inputMode="numeric"
        />
        <div className={`mb-6 ${fileError ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}>
          <label htmlFor="file" className="mb-1 block font-bold">
            {t("form.file")}
          </label>
          <p id="file-hint" className="mb-1 text-[var(--color-muted)]">
            {t("form.fileHint", { columns, mb: maxMb })}
          </p>
          {fileError && (
            <p id="file-error" className="mb-1 font-bold text-[var(--color-danger)]" data-testid="file-error">
              {fileError}
            </p>
          )}
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
            aria-invalid={fileError ? true : undefined}
            className="block max-w-full"
          />
        </div>
        <p className="mb-4">{t("form.replaceNote")}</p>
        <SubmitButton label={t("form.submit")} pendingLabel={t("form.sending")} />
      </form>
    </>
  );
}
