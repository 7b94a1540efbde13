import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PersonFile } from "@/components/desk/person-file";
import { findPersonFile } from "@/lib/applications/queries";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.person"))("record") };
}

/** A person's file at the desk (issue 12); opening it is audited. */
export default async function PersonFilePage({ params }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  const person = await findPersonFile(user, id, todayInBishkek());
  if (!person) notFound();
  const t = await getTranslations("desk.person");
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/staff/office/desk">← {t("back")}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold" data-testid="person-name">
        {t("title", { name: person.fullName })}
      </h1>
      <PersonFile person={person} />
    </>
  );
}
