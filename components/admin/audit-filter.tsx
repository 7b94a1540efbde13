import { getTranslations } from "next-intl/server";

function FacetSelect({
  name,
  label,
  all,
  values,
  value,
}: {
  name: string;
  label: string;
  all: string;
  values: string[];
  value?: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="block font-bold">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={value ?? ""}
        className="border-2 border-[var(--color-ink)] bg-white px-2 py-1"
      >
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The audit log's filter: a GET form (entity and action are not personal data), so a filtered view has a URL. */
export async function AuditFilter({
  facets,
  filter,
}: {
  facets: { entities: string[]; actions: string[] };
  filter: { entity?: string; action?: string };
}) {
  const t = await getTranslations("staff.audit");
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
      <FacetSelect
        name="entity"
        label={t("filterEntity")}
        all={t("all")}
        values={facets.entities}
        value={filter.entity}
      />
      <FacetSelect
        name="action"
        label={t("filterAction")}
        all={t("all")}
        values={facets.actions}
        value={filter.action}
      />
      <button type="submit" className="bg-gray-200 px-3 py-1 font-bold">
        {t("filter")}
      </button>
    </form>
  );
}
