import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PersonForm } from "@/components/desk/person-form";
import { findPersonFile } from "@/lib/applications/queries";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { savePersonAction } from "../../../desk/actions";
import { personFormOptions } from "../../person-form-options";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.form"))("registerTitle") };
}

/** Completes a person's record (issue 12): a terminal's foreigner gets the PIN and the rest here, in the same row. */
export default async function CompletePersonPage({ params }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  const p = await findPersonFile(user, id, todayInBishkek());
  if (!p) notFound();
  const [t, tp, options] = await Promise.all([
    getTranslations("desk.form"),
    getTranslations("desk.person"),
    personFormOptions(),
  ]);
  const initial = {
    category: p.category,
    lastName: p.lastName,
    firstName: p.firstName,
    patronymic: p.patronymic ?? "",
    pin: p.pin ?? "",
    documentType: p.documentType === "FOREIGN_DOCUMENT_TO_COMPLETE" ? "" : (p.documentType ?? ""),
    documentNumber: p.documentNumber ?? "",
    birthDate: p.birthDate ?? "",
    sex: p.sex ?? "",
    citizenship: p.stateless ? "STATELESS" : (p.citizenship ?? ""),
    phone: p.phone ?? "",
    email: p.email ?? "",
  };
  return (
    <>
      <p className="no-print mb-4">
        <Link href={`/staff/office/people/${p.id}`}>← {tp("record")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("completeTitle", { name: p.fullName })}</h1>
      <p className="mb-6 max-w-2xl">{t("lead")}</p>
      <PersonForm action={savePersonAction} locale={locale} personId={p.id} initial={initial} {...options} />
    </>
  );
}
