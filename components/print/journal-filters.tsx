import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { dynamicKey } from "@/lib/i18n/message-key";
import { HANDOVER_STATUSES } from "@/lib/rules";

type Values = { number?: string; from?: string; to?: string; status?: string };

const INPUT = "block w-full border-2 border-[var(--color-ink)] px-2 py-2 text-lg";

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <p>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {children}
    </p>
  );
}

/**
 * The journal's filters that may sit in the address (number, dates, status): a plain GET form, so the filtered
 * journal can be bookmarked and paged, and works without JavaScript. The sealed name/PIN search rides along hidden.
 */
export async function JournalFilters({
  action,
  values,
  whoToken,
  errors,
}: {
  action: string;
  values: Values;
  whoToken?: string;
  errors: string[];
}) {
  const [t, tAll] = await Promise.all([getTranslations("print.journal"), getTranslations()]);
  return (
    <form method="get" action={action} noValidate className="mb-6" data-testid="journal-filters">
      {errors.length > 0 && (
        <ul className="mb-4 border-l-8 border-[var(--color-danger)] p-3" data-testid="journal-errors">
          {errors.map((code) => (
            <li key={code}>{tAll.has(dynamicKey(code)) ? tAll(dynamicKey(code)) : tAll("errors.invalidInput")}</li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend className="mb-2 text-xl font-bold">{t("filters")}</legend>
        {whoToken && <input type="hidden" name="who" value={whoToken} />}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="number" label={t("number")}>
            <input id="number" name="number" defaultValue={values.number ?? ""} className={INPUT} autoComplete="off" />
          </Field>
          <Field id="from" label={t("from")}>
            <input
              id="from"
              name="from"
              type="date"
              defaultValue={values.from ?? ""}
              className={INPUT}
              aria-describedby="dates-hint"
            />
          </Field>
          <Field id="to" label={t("to")}>
            <input
              id="to"
              name="to"
              type="date"
              defaultValue={values.to ?? ""}
              className={INPUT}
              aria-describedby="dates-hint"
            />
          </Field>
          <Field id="status" label={t("status")}>
            <select id="status" name="status" defaultValue={values.status ?? ""} className={`${INPUT} bg-white`}>
              <option value="">{t("any")}</option>
              {HANDOVER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p id="dates-hint" className="mt-1 text-[var(--color-muted)]">
          {t("dateHint")}
        </p>
        <p className="mt-3 flex flex-wrap items-center gap-6">
          <button
            type="submit"
            className="bg-[var(--color-success)] px-4 py-2 text-lg font-bold text-white"
            data-testid="journal-apply"
          >
            {t("apply")}
          </button>
          <a href={action}>{t("reset")}</a>
        </p>
      </fieldset>
    </form>
  );
}
