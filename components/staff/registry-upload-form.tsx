"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Done = { id: string; reused: boolean };
type Action = (prev: ActionResult<Done>, formData: FormData) => Promise<ActionResult<Done>>;

function Progress({ lines }: { lines: number | null }) {
  const t = useTranslations("payments.reconciliation");
  const { pending } = useFormStatus();
  return (
    <>
      <button
        type="submit"
        disabled={pending}
        className="bg-[var(--color-success)] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] disabled:opacity-70"
      >
        {pending ? t("checking") : t("submit")}
      </button>
      {pending && (
        <div className="mt-4" role="status" data-testid="reconcile-progress">
          <progress className="h-3 w-full max-w-md" aria-label={t("checking")} />
          {lines !== null && <p>{t("reading", { count: lines })}</p>}
        </div>
      )}
    </>
  );
}

export function RegistryUploadForm({
  action,
  providers,
}: {
  action: Action;
  providers: { value: string; label: string }[];
}) {
  const t = useTranslations("payments.reconciliation");
  const locale = useLocale();
  const router = useRouter();
  const [lines, setLines] = useState<number | null>(null);
  const [state, formAction] = useActionState(action, initialActionState<Done>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["provider", "file"]);
  useEffect(() => {
    if (state.ok)
      router.push(`/${locale}/staff/fund/reconciliation/${state.data.id}${state.data.reused ? "?reused=1" : ""}`);
  }, [state, locale, router]);
  const fileError = fieldError("file");
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-xl" data-testid="registry-upload-form">
        <SelectField
          name="provider"
          label={t("provider")}
          error={fieldError("provider")}
          defaultValue={state.ok ? "" : (state.values.provider ?? "")}
          options={providers}
        />
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
            accept=".csv,text/csv,text/plain"
            aria-describedby={fileError ? "file-error" : undefined}
            aria-invalid={fileError ? true : undefined}
            className="block"
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              setLines(f ? (await f.text()).split(/\r?\n/).filter((l) => l.trim()).length : null);
            }}
          />
        </div>
        <Progress lines={lines} />
      </form>
    </>
  );
}
