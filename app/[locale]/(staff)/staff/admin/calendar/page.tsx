import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { RowAction } from "@/components/admin/row-action";
import { DataTable } from "@/components/ui/data-table";
import { listCalendarYear } from "@/lib/administration/queries";
import { todayInBishkek } from "@/lib/dates";
import { CALENDAR_DAY_KINDS } from "@/lib/rules";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { addCalendarDayAction, removeCalendarDayAction } from "../reference-actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ year?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.calendar"))("title") };
}

/** The working-day calendar's exceptions by year (cl. 13, 15; issue 15): list, add, remove. */
export default async function CalendarPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const today = todayInBishkek();
  const thisYear = Number(today.slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [t, days] = await Promise.all([getTranslations("administration.calendar"), listCalendarYear(user, year)]);
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" data-testid="calendar-year">
        <div>
          <label htmlFor="year" className="mb-1 block font-bold">
            {t("year")}
          </label>
          <select
            id="year"
            name="year"
            defaultValue={String(year)}
            className="border-2 border-[var(--color-ink)] bg-white px-2 py-2 text-lg"
          >
            {(years.includes(year) ? years : [year, ...years]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-gray-200 px-4 py-2 text-lg font-bold">
          {t("show")}
        </button>
      </form>
      <div className="mb-10">
        {days.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <DataTable
            caption={t("caption", { year })}
            testId="calendar-table"
            columns={[
              { label: t("date") },
              { label: t("kind") },
              { label: t("name") },
              { label: t("remove"), srOnly: true },
            ]}
          >
            <tbody>
              {days.map((d) => (
                <tr key={d.date} className="border-b border-[var(--color-line)]" data-testid={`day-${d.date}`}>
                  <td className="py-2 pr-3 whitespace-nowrap">{d.date}</td>
                  <td className="py-2 pr-3">{t(`kinds.${d.kind}`)}</td>
                  <td className="py-2 pr-3">{locale === "ky" ? d.nameKy : d.nameRu}</td>
                  <td className="py-2">
                    {d.date >= today && (
                      <RowAction
                        action={removeCalendarDayAction}
                        hidden={{ date: d.date }}
                        label={t("remove")}
                        testId={`remove-${d.date}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </div>
      <section className="max-w-2xl">
        <h2 className="mb-4 text-2xl font-bold">{t("addTitle")}</h2>
        <AdminForm
          action={addCalendarDayAction}
          testId="calendar-form"
          resetOnSuccess
          submitLabel={t("add")}
          successText={t("added")}
          fields={[
            { name: "date", label: t("date"), hint: (await getTranslations("administration.common"))("dateHint") },
            {
              name: "kind",
              label: t("kind"),
              options: CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
            },
            { name: "nameRu", label: t("nameRu") },
            { name: "nameKy", label: t("nameKy") },
          ]}
        />
      </section>
    </>
  );
}
