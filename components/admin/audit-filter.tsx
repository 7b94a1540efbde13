import { getTranslations } from "next-intl/server";
import { actionLabel } from "./audit-table";

export type AuditFilterValues = {
  action?: string;
  user?: string;
  record?: string;
  person?: string;
  from?: string;
  to?: string;
};

const field = "block w-full max-w-xs border-2 border-[var(--color-ink)] bg-white px-2 py-1";

/**
 * The audit log's filter: a GET form (actions, accounts, record ids and dates are not personal data), so a filtered
 * view has a URL. A person is chosen by PIN in a separate POST form (AuditPersonForm): only their id reaches the URL.
 */
export async function AuditFilter({
  actions,
  actors,
  filter,
  errors,
}: {
  actions: string[];
  actors: { id: string; login: string; fullName: string }[];
  filter: AuditFilterValues;
  errors: { from?: boolean; to?: boolean };
}) {
  const t = await getTranslations("audit");
  const labelled = actions.map((a) => ({ value: a, label: actionLabel(t, a) }));
  labelled.sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form method="get" className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="audit-filter">
      {filter.person && <input type="hidden" name="person" value={filter.person} />}
      <div>
        <label htmlFor="action" className="block font-bold">
          {t("filter.action")}
        </label>
        <select id="action" name="action" defaultValue={filter.action ?? ""} className={field}>
          <option value="">{t("filter.all")}</option>
          {labelled.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="user" className="block font-bold">
          {t("filter.user")}
        </label>
        <select id="user" name="user" defaultValue={filter.user ?? ""} className={field}>
          <option value="">{t("filter.all")}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.fullName} ({a.login})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="record" className="block font-bold">
          {t("filter.record")}
        </label>
        <p id="record-hint" className="text-sm text-[var(--color-muted)]">
          {t("filter.recordHint")}
        </p>
        <input
          id="record"
          name="record"
          defaultValue={filter.record ?? ""}
          aria-describedby="record-hint"
          className={field}
        />
      </div>
      {(["from", "to"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={name} className="block font-bold">
            {t(`filter.${name}`)}
          </label>
          <p id={`${name}-hint`} className="text-sm text-[var(--color-muted)]">
            {t("filter.dateHint")}
          </p>
          {errors[name] && (
            <p id={`${name}-error`} className="font-bold text-[var(--color-danger)]">
              {t("error.date")}
            </p>
          )}
          <input
            id={name}
            name={name}
            type="date"
            defaultValue={filter[name] ?? ""}
            aria-describedby={errors[name] ? `${name}-hint ${name}-error` : `${name}-hint`}
            aria-invalid={errors[name] ? true : undefined}
            className={field}
          />
        </div>
      ))}
      <div className="flex flex-wrap items-end gap-4">
        <button
          type="submit"
          className="bg-[var(--color-success)] px-4 py-2 font-bold text-white hover:bg-[#005a30]"
          data-testid="audit-apply"
        >
          {t("filter.submit")}
        </button>
      </div>
    </form>
  );
}
