import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { ResetLinkForm } from "@/components/admin/reset-link-form";
import { UserActiveToggle } from "@/components/staff/user-active-toggle";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { findStaffUserForAdmin, listOfficesAndOrganizations } from "@/lib/users/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import {
  changeStaffRoleAction,
  issuePasswordResetAction,
  resetSecondFactorAction,
  setStaffUserActiveAction,
} from "../../actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.admin"))("usersTitle") };
}

/**
 * One staff account (issue 15): role and place, blocking, the second factor's reset, a one-time password-reset link.
 * Admins only.
 */
export default async function AdminUserPage({ params }: Props) {
  const locale = await enterPage(params);
  const user = await requirePermission("users.manage", locale);
  const { id } = await params;
  const account = /^[0-9a-f-]{36}$/i.test(id) ? await findStaffUserForAdmin(user, id) : null;
  if (!account) notFound();
  const [t, { offices, organizations }] = await Promise.all([getTranslations(), listOfficesAndOrganizations()]);
  const name = (o: { nameRu: string; nameKy: string }) => (locale === "ky" ? o.nameKy : o.nameRu);
  const choose = { value: "", label: t("staff.admin.choose") };
  const self = account.id === user.id;
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin">{t("administration.users.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("administration.users.title", { login: account.login })}</h1>
      <p className="mb-8">
        {account.fullName} · {t(`staff.roles.${account.role}`)} ·{" "}
        <span data-testid="account-state">{account.active ? t("staff.admin.active") : t("staff.admin.blocked")}</span>
      </p>
      <section className="mb-10 max-w-2xl">
        <h2 className="mb-2 text-2xl font-bold">{t("administration.users.roleTitle")}</h2>
        <p className="mb-4">{t("administration.users.roleHint")}</p>
        <AdminForm
          action={changeStaffRoleAction}
          testId="role-form"
          hidden={{ userId: account.id }}
          submitLabel={t("administration.common.save")}
          successText={t("administration.users.roleSaved")}
          fields={[
            {
              name: "role",
              label: t("staff.admin.role"),
              defaultValue: account.role,
              options: STAFF_ROLES.map((r) => ({ value: r, label: t(`staff.roles.${r}`) })),
            },
            {
              name: "officeCode",
              label: t("staff.admin.office"),
              hint: t("staff.admin.officeHint"),
              defaultValue: account.office?.code ?? "",
              options: [choose, ...offices.map((o) => ({ value: o.code, label: name(o) }))],
            },
            {
              name: "healthOrganizationCode",
              label: t("staff.admin.healthOrganization"),
              hint: t("staff.admin.healthOrganizationHint"),
              defaultValue: account.healthOrganization?.code ?? "",
              options: [choose, ...organizations.map((o) => ({ value: o.code, label: name(o) }))],
            },
          ]}
        />
      </section>
      {!self && (
        <section className="mb-10 max-w-2xl">
          <h2 className="mb-2 text-2xl font-bold">{t("administration.users.accessTitle")}</h2>
          <p className="mb-4">{t("administration.users.blockedHint")}</p>
          <UserActiveToggle
            action={setStaffUserActiveAction}
            userId={account.id}
            active={account.active}
            login={account.login}
          />
        </section>
      )}
      {!self && (
        // Always here for another's account, so that the note of a reset outlives the refresh that shows the factor
        // gone (the form is offered only while there is a factor to reset).
        <section className="mb-10 max-w-2xl" data-testid="second-factor">
          <h2 className="mb-2 text-2xl font-bold">{t("administration.users.secondFactorTitle")}</h2>
          <p className="mb-4" data-testid="second-factor-state">
            {account.totpEnabledAt
              ? t("administration.users.secondFactorHint")
              : t("administration.users.secondFactorNone")}
          </p>
          <AdminForm
            action={resetSecondFactorAction}
            testId="second-factor-reset"
            hidden={{ userId: account.id }}
            fields={[]}
            submitLabel={t("administration.users.secondFactorButton")}
            successText={t("administration.users.secondFactorDone")}
            showForm={account.totpEnabledAt !== null}
          />
        </section>
      )}
      <section className="max-w-2xl">
        <h2 className="mb-2 text-2xl font-bold">{t("administration.users.resetTitle")}</h2>
        <p className="mb-4">{t("administration.users.resetHint")}</p>
        <ResetLinkForm action={issuePasswordResetAction} userId={account.id} login={account.login} locale={locale} />
      </section>
    </>
  );
}
