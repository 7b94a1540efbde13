"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Checkbox } from "@/components/forms/checkbox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { Radios } from "@/components/buy/radios";
import { dynamicKey } from "@/lib/i18n/message-key";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Refused = { refusals: string[] };
type Action = (prev: ActionResult<Refused | string>, formData: FormData) => Promise<ActionResult<Refused | string>>;
/** cl. 27: the documents of each base category, labels already translated */
export type ChecklistGroup = { category: string; label: string; documents: { code: string; label: string }[] };

const FIELDS = [
  "idKind",
  "pin",
  "documentNumber",
  "birthDate",
  "lastName",
  "firstName",
  "patronymic",
  "baseCategory",
  "citizenship",
  "registeredOn",
  "cardNumber",
  "documents",
];

/**
 * The doctor's one-page form (cl. 24–27): who she is, her category, the day and the card, the documents seen. Works
 * without JavaScript; every field keeps what was typed after an error; refusals are explained above the form.
 */
export function PregnancyForm({
  action,
  locale,
  today,
  checklist,
}: {
  action: Action;
  locale: string;
  today: string;
  checklist: ChecklistGroup[];
}) {
  const t = useTranslations("clinic.form");
  const tr = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<Refused | string>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, FIELDS);
  const v = state.values;
  // A text field of this form: its label, its error and what was typed before an error (React 19 resets forms).
  const text = (
    name:
      "pin" | "documentNumber" | "birthDate" | "lastName" | "firstName" | "patronymic" | "registeredOn" | "cardNumber",
  ) => ({
    name,
    label: t(name),
    error: fieldError(name),
    defaultValue: v[name] ?? "",
    autoComplete: "off",
  });
  const refusals = state.ok && typeof state.data === "object" ? state.data.refusals : [];
  return (
    <>
      {refusals.length > 0 && (
        <div className="mb-6 border-l-8 border-[var(--color-danger)] p-4" data-testid="pregnancy-refused" role="alert">
          <h2 className="mb-2 text-xl font-bold">{t("refusedTitle")}</h2>
          <ul className="list-disc pl-6">
            {refusals.map((code) => (
              <li key={code} data-testid={`refusal-${code}`}>
                {tr.has(dynamicKey(`rules.refusal.${code}`)) ? tr(dynamicKey(`rules.refusal.${code}`)) : code}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="max-w-2xl" data-testid="pregnancy-form">
        <input type="hidden" name="locale" value={locale} />
        <Radios
          name="idKind"
          legend={t("idKind")}
          error={fieldError("idKind")}
          defaultValue={v.idKind ?? "PIN"}
          options={[
            { value: "PIN", label: t("byPin") },
            { value: "DOCUMENT", label: t("byDocument") },
          ]}
        />
        <TextField {...text("pin")} inputMode="numeric" maxLength={20} />
        <TextField {...text("documentNumber")} spellCheck={false} />
        <TextField {...text("birthDate")} hint={t("dateHint")} />
        <TextField {...text("lastName")} />
        <TextField {...text("firstName")} />
        <TextField {...text("patronymic")} />
        <Radios
          name="baseCategory"
          legend={t("baseCategory")}
          error={fieldError("baseCategory")}
          defaultValue={v.baseCategory}
          options={checklist.map((g) => ({ value: g.category, label: g.label }))}
        />
        <Radios
          name="citizenship"
          legend={t("citizenship")}
          error={fieldError("citizenship")}
          defaultValue={v.citizenship}
          options={[
            { value: "citizen", label: t("citizenOfState") },
            { value: "stateless", label: t("stateless") },
          ]}
        />
        <Checkbox
          id="marriedToCitizen"
          name="marriedToCitizen"
          label={t("married")}
          defaultChecked={v.marriedToCitizen === "on"}
          className="mb-6"
        />
        <TextField {...text("registeredOn")} hint={t("registeredOnHint")} defaultValue={v.registeredOn ?? today} />
        <TextField {...text("cardNumber")} />
        <fieldset
          id="documents"
          className={`mb-6 ${fieldError("documents") ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}
        >
          <legend className="mb-2 font-bold">{t("documents")}</legend>
          {fieldError("documents") && (
            <p className="mb-2 font-bold text-[var(--color-danger)]">{fieldError("documents")}</p>
          )}
          {checklist.map((g) => (
            <div key={g.category} className="mb-4">
              <p className="mb-1">{t("documentsFor", { category: g.label })}</p>
              {g.documents.map((d) => (
                <Checkbox
                  key={d.code}
                  id={`doc-${g.category}-${d.code}`}
                  name="documents"
                  value={d.code}
                  label={d.label}
                />
              ))}
            </div>
          ))}
        </fieldset>
        <p className="mb-4 text-[var(--color-muted)]">{t("code")}</p>
        <SubmitButton label={t("submit")} />
      </form>
    </>
  );
}
