import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ApplicationForm } from "@/components/desk/application-form";
import { findPersonFile } from "@/lib/applications/queries";
import { todayInBishkek } from "@/lib/dates";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import { PERSON_RECORD_CATEGORIES } from "@/lib/people/person-record.schema";
import { requiredDocuments } from "@/lib/rules";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { submitApplicationAction } from "../../../desk/actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.list"))("title") };
}

/** A walk-in application for the person (cl. 10–15): the cl. 10 checklists of every category, translated. */
export default async function ApplyPage({ params }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  const today = todayInBishkek();
  const p = await findPersonFile(user, id, today);
  if (!p) notFound();
  const t = await getTranslations();
  const checklists = PERSON_RECORD_CATEGORIES.map((category) => ({
    category,
    label: t(`rules.category.${category}.name`),
    documents: requiredDocuments(category).map((d) => ({ code: d.code, label: t(`rules.document.${d.code}`) })),
  }));
  const payments = p.payments
    .filter((pay) => !pay.linked)
    .map((pay) => ({
      id: pay.id,
      label: t("desk.apply.paymentOption", {
        channel: t(`staff.paymentChannel.${pay.channel}`),
        date: t("common.date.long", longDateValues(pay.paidOn)),
        amount: pay.amountSom,
        receipt: pay.externalTxnId,
      }),
    }));
  return (
    <>
      <p className="no-print mb-4">
        <Link href={`/staff/office/people/${p.id}`}>← {t("desk.person.record")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("desk.apply.title", { name: p.fullName })}</h1>
      <p className="mb-6 max-w-2xl">{t("desk.apply.lead")}</p>
      <ApplicationForm
        action={submitApplicationAction}
        locale={locale}
        personId={p.id}
        today={today}
        defaultCategory={p.category === "PREGNANT" ? "CITIZEN" : p.category}
        checklists={checklists}
        terms={[12, 6]}
        payments={payments}
      />
    </>
  );
}
