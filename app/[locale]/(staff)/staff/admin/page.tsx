import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/staff/create-user-form";
import { UserActiveToggle } from "@/components/staff/user-active-toggle";
import { requirePermission } from "@/lib/web/session";
import { listOfficesAndOrganizations, listStaffUsers } from "@/lib/users/queries";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { createStaffUserAction, setStaffUserActiveAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.admin"))("usersTitle") };
}

export default async function AdminUsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("users.manage", locale);
  const [t, lang, users, { offices, organizations }] = await Promise.all([
    getTranslations(),
    getLocale(),
    listStaffUsers(user),
    listOfficesAndOrganizations(),
  ]);
  const name = (o: { nameRu: string; nameKy: string } | null) => (o ? (lang === "ky" ? o.nameKy : o.nameRu) : "—");
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("staff.admin.usersTitle")}</h1>
      <div className="mb-10 overflow-x-auto">
        <DataTable
          caption={t("staff.admin.usersTitle")}
          testId="users-table"
          columns={[
            { label: t("staff.admin.login") },
            { label: t("staff.admin.fullName") },
            { label: t("staff.admin.role") },
            { label: t("staff.admin.place") },
            { label: t("staff.admin.state") },
            { label: t("staff.admin.actions") },
          ]}
        >
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-[var(--color-line)]" data-testid={`user-row-${u.login}`}>
                <td className="py-2 pr-3 font-mono">{u.login}</td>
                <td className="py-2 pr-3">{u.fullName}</td>
                <td className="py-2 pr-3">{t(`staff.roles.${u.role}`)}</td>
                <td className="py-2 pr-3">{u.healthOrganization ? name(u.healthOrganization) : name(u.office)}</td>
                <td className="py-2 pr-3">{u.active ? t("staff.admin.active") : t("staff.admin.blocked")}</td>
                <td className="py-2">
                  <div className="flex flex-wrap items-center gap-3">
                    <Link
                      href={`/staff/admin/users/${u.id}`}
                      aria-label={t("administration.users.changeLabel", { login: u.login })}
                      data-testid={`edit-${u.login}`}
                    >
                      {t("administration.users.change")}
                    </Link>
                    {u.id !== user.id && (
                      <UserActiveToggle
                        action={setStaffUserActiveAction}
                        userId={u.id}
                        active={u.active}
                        login={u.login}
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <section className="max-w-2xl">
        <h2 className="mb-4 text-2xl font-bold">{t("staff.admin.createTitle")}</h2>
        <CreateUserForm
          action={createStaffUserAction}
          roles={STAFF_ROLES.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
          offices={offices.map((o) => ({ value: o.code, label: name(o) }))}
          organizations={organizations.map((o) => ({ value: o.code, label: name(o) }))}
        />
      </section>
    </>
  );
}
