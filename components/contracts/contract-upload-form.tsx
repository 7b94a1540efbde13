"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Started = { id: string; reused: boolean };
type Action = (prev: ActionResult<Started>, formData: FormData) => Promise<ActionResult<Started>>;

/** Uploads a list of persons (CSV or XLSX); the list's own page then shows the check's progress and result. */
export function ContractUploadForm({ action, contractId }: { action: Action; contractId: string }) {
  const t = useTranslations("contracts.upload");
  const locale = useLocale();
  const router = useRouter();
  const [state, formAction] = useActionState(action, initialActionState<Started>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["file"]);
  useEffect(() => {
    if (state.ok) {
      router.push(
        `/${locale}/staff/office/contracts/${contractId}/imports/${state.data.id}${state.data.reused ? "?reused=1" : ""}`,
      );
    }
  }, [state, locale, router, contractId]);
  const fileError = fieldError("file");
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="contract-upload-form">
        <input type="hidden" name="contractId" value={contractId} />
        <div className={`mb-6 ${fileError ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}>
          <label htmlFor="file" className="mb-1 block font-bold">
            {t("file")}
          </label>
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
            aria-describedby={fileError ? "file-error" : undefined}
            aria-invalid={fileError ? true : undefined}
            className="block"
          />
        </div>
        <SubmitButton label={t("submit")} pendingLabel={t("sending")} />
      </form>
    </>
  );
}
