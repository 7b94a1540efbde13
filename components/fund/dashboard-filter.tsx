import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { dynamicKey } from "@/lib/i18n/message-key";

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
 * The dashboard's period, office and day: a plain GET form, so a filtered dashboard is a link to bookmark or send, and
 * works without JavaScript. Nothing personal is ever among these parameters.
 */
export async function DashboardFilter({
  action,
  values,
  offices,
  errors,
}: {
  action: string;
  values: { from?: string; to?: string; office?: string; day?: string };
  offices: { code: string; name: string }[];
  errors: string[];
}) {
  const [t, tAll] = await Promise.all([getTranslations("dashboard"), getTranslations()]);
  return (
    <form method="get" action={action} noValidate className="mb-8" data-testid="dashboard-filter">
      {errors.length > 0 && (
        <div className="mb-4 border-l-8 border-[var(--color-danger)] p-3" data-testid="dashboard-errors">
          <p className="font-bold">{t("errors.summary")}</p>
          <ul className="list-disc pl-6">
            {errors.map((code) => (
              <li key={code}>{tAll.has(dynamicKey(code)) ? tAll(dynamicKey(code)) : tAll("errors.invalidInput")}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset>
        <legend className="mb-2 text-xl font-bold">{t("filter.legend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="from" label={t("filter.from")}>
            <input id="from" name="from" type="month" defaultValue={values.from ?? ""} className={INPUT} />
          </Field>
          <Field id="to" label={t("filter.to")}>
            <input id="to" name="to" type="month" defaultValue={values.to ?? ""} className={INPUT} />
          </Field>
          <Field id="office" label={t("filter.office")}>
            <select id="office" name="office" defaultValue={values.office ?? ""} className={`${INPUT} bg-white`}>
              <option value="">{t("filter.allOffices")}</option>
              {offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="day" label={t("filter.day")}>
            <input id="day" name="day" type="date" defaultValue={values.day ?? ""} className={INPUT} />
          </Field>
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <button
            type="submit"
            className="bg-[var(--color-success)] px-4 py-2 text-lg font-bold text-white"
            data-testid="dashboard-apply"
          >
            {t("filter.apply")}
          </button>
          <a href={action}>{t("filter.reset")}</a>
        </p>
      </fieldset>
    </form>
  );
}
