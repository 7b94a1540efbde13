import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/refunds/action-form";
import { DataTable } from "@/components/ui/data-table";
import { listOfficeAppeals } from "@/lib/appeals/queries";
import { dayToInstant, todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { fileAppealOnBehalfAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals.office"))("title") };
}

/** The office's appeals (cl. 36–37), overdue ones marked; a clerk may register one on a citizen's behalf. */
export default async function OfficeAppealsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("appeals.handle", locale);
  const [t, format, rows] = await Promise.all([
    getTranslations("appeals"),
    getFormatter(),
    listOfficeAppeals(user, todayInBishkek()),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("office.title")}</h1>
      <p className="mb-6 max-w-3xl">{t("office.lead")}</p>
      {rows.length === 0 ? (
        <p className="mb-8">{t("office.empty")}</p>
      ) : (
        <div className="mb-8">
          <DataTable
            caption={t("office.title")}
            testId="office-appeals"
            columns={["number", "state", "citizen", "subject", "filedAt", "dueOn"].map((c) => ({
              label: t(`office.columns.${c as "number"}`),
            }))}
          >
            <tbody>
              {rows.map((a) => (
                <tr
                  key={a.id}
                  className="border-b border-[var(--color-line)] align-top"
                  data-testid={`appeal-row-${a.number}`}
                >
                  <td className="py-2 pr-3 font-mono">
                    <Link href={`/staff/office/appeals/${a.id}`}>{a.number}</Link>
                  </td>
                  <td className="py-2 pr-3">
                    {t(`state.${a.state}`)}
                    {a.overdue && <strong className="block text-[var(--color-danger)]">{t("office.overdue")}</strong>}
                  </td>
                  <td className="py-2 pr-3">
                    {a.fullName}
                    {a.filedOnBehalf && <span className="block text-[var(--color-muted)]">{t("office.onBehalf")}</span>}
                  </td>
                  <td className="py-2 pr-3">{a.subject}</td>
                  <td className="py-2 pr-3">{format.dateTime(new Date(a.filedAt), { dateStyle: "short" })}</td>
                  <td className="py-2">
                    {a.dueOn ? format.dateTime(dayToInstant(a.dueOn), { dateStyle: "short" }) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
      <details>
        <summary className="mb-2 cursor-pointer text-xl font-bold">{t("office.onBehalfTitle")}</summary>
        <ActionForm
          action={fileAppealOnBehalfAction}
          hidden={{ locale, officeCode: "OWN" }}
          testId="appeal-on-behalf-form"
          submitLabel={t("file.submit")}
          fields={[
            { kind: "text", name: "pin", label: t("file.pin") },
            { kind: "text", name: "fullName", label: t("file.fullName") },
            { kind: "text", name: "phone", label: t("file.phone") },
            { kind: "text", name: "subject", label: t("file.subject") },
            { kind: "textarea", name: "text", label: t("file.text") },
          ]}
        />
      </details>
    </>
  );
}
