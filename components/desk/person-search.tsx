"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { DataTable } from "@/components/ui/data-table";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import type { PersonSearchRow } from "@/lib/people/view-models";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Action = (prev: ActionResult<PersonSearchRow[]>, formData: FormData) => Promise<ActionResult<PersonSearchRow[]>>;

/**
 * The desk's search (issue 12): one field for a PIN, a document number or the start of a name; the form POSTs, so
 * nothing typed reaches a URL. Results come ranked (PIN, document, then names), each opening the person's file.
 */
export function PersonSearch({ action }: { action: Action }) {
  const t = useTranslations("desk.search");
  const tr = useTranslations("rules");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState(action, initialActionState<PersonSearchRow[]>());
  const { fieldError, summary, formKey, summaryTitle, titlePrefix } = useFormErrors(state, ["q"]);
  const rows = state.ok ? state.data : null;
  return (
    <>
      <ErrorSummary title={summaryTitle} titlePrefix={titlePrefix} errors={summary} />
      <form key={formKey} action={formAction} noValidate className="mb-6 max-w-2xl" data-testid="person-search">
        <TextField
          name="q"
          label={t("label")}
          hint={t("hint")}
          error={fieldError("q")}
          defaultValue={state.values.q ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <SubmitButton label={t("submit")} />
      </form>
      {rows && (
        <section aria-live="polite" data-testid="search-results">
          <h2 className="mb-2 text-xl font-bold">{t("results", { count: rows.length })}</h2>
          {rows.length === 0 ? (
            <p data-testid="search-none">{t("none")}</p>
          ) : (
            <DataTable
              caption={t("caption")}
              testId="search-table"
              columns={[
                { label: t("name") },
                { label: t("pin") },
                { label: t("document") },
                { label: t("birthDate") },
                { label: t("category") },
                { label: t("match") },
              ]}
            >
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-[var(--color-line)] align-top">
                    <td className="py-2 pr-3">
                      <Link href={`/staff/office/people/${r.id}`} data-testid="search-hit">
                        {r.fullName}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 font-mono">{r.pin ?? "—"}</td>
                    <td className="py-2 pr-3 font-mono">{r.documentNumber ?? "—"}</td>
                    <td className="py-2 pr-3">{r.birthDate ? tc("date.long", longDateValues(r.birthDate)) : "—"}</td>
                    <td className="py-2 pr-3">{tr(`category.${r.category}.name`)}</td>
                    <td className="py-2">{t(`matchKind.${r.match}`)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      )}
    </>
  );
}
