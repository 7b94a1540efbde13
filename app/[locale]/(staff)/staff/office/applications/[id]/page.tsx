import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ApplicationRecord } from "@/components/desk/application-record";
import { PolicyMadeButton } from "@/components/desk/policy-made-button";
import { findOfficeApplication } from "@/lib/applications/queries";
import { todayInBishkek } from "@/lib/dates";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { markPolicyMadeAction } from "../../desk/actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.list"))("title") };
}

/** One application of the clerk's office; another office's is "not found" (and audited). */
export default async function ApplicationPage({ params }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  const a = await findOfficeApplication(user, id, todayInBishkek());
  if (!a) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="no-print mb-4 flex flex-wrap gap-6">
        <Link href="/staff/office/applications">← {t("desk.application.back")}</Link>
        <Link href={`/staff/office/people/${a.personId}`}>{t("desk.application.person")}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">
        {t("desk.application.title", { date: t("common.date.long", longDateValues(a.enteredOn)) })}
      </h1>
      <ApplicationRecord a={a} madeButton={<PolicyMadeButton action={markPolicyMadeAction} applicationId={a.id} />} />
    </>
  );
}
