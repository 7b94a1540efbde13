import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { DataTable } from "@/components/ui/data-table";
import { listOfficesWithOrganizations } from "@/lib/administration/queries";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { addOfficeAction } from "../reference-actions";
import { officeFields } from "./fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.offices"))("title") };
}

/** Territorial offices with their health organizations (issue 15): list, add; each row opens its edit page. */
export default async function OfficesPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const [t, offices] = await Promise.all([getTranslations("administration"), listOfficesWithOrganizations(user)]);
  const name = (r: { nameRu: string; nameKy: string }) => (locale === "ky" ? r.nameKy : r.nameRu);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("offices.title")}</h1>
      <div className="mb-10">
        <DataTable
          caption={t("offices.caption")}
          testId="offices-table"
          columns={[
            { label: t("offices.code") },
            { label: t("offices.name") },
            { label: t("offices.address") },
            { label: t("offices.phone") },
            { label: t("offices.organizations") },
          ]}
        >
          <tbody>
            {offices.map((o) => (
              <tr
                key={o.code}
                className="border-b border-[var(--color-line)] align-top"
                data-testid={`office-${o.code}`}
              >
                <td className="py-2 pr-3 font-mono">{o.code}</td>
                <td className="py-2 pr-3">
                  <Link href={`/staff/admin/offices/${o.code}`} aria-label={t("offices.editLabel", { name: name(o) })}>
                    {name(o)}
                  </Link>
                </td>
                <td className="py-2 pr-3">{locale === "ky" ? o.addressKy : o.addressRu}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{o.phone ?? "—"}</td>
                <td className="py-2">
                  <ul>
                    {o.healthOrganizations.map((h) => (
                      <li key={h.code}>
                        <Link
                          href={`/staff/admin/organizations/${h.code}`}
                          aria-label={t("offices.editLabel", { name: name(h) })}
                        >
                          {name(h)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <p className="mb-10">
        <Link href="/staff/admin/organizations/new">{t("offices.addOrganizationTitle")}</Link>
      </p>
      <section className="max-w-2xl">
        <h2 className="mb-4 text-2xl font-bold">{t("offices.addOfficeTitle")}</h2>
        <AdminForm
          action={addOfficeAction}
          testId="office-form"
          resetOnSuccess
          submitLabel={t("offices.add")}
          successText={t("offices.added")}
          fields={officeFields(t)}
        />
      </section>
    </>
  );
}
