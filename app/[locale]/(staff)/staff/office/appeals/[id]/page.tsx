import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/refunds/action-form";
import { findOfficeAppeal } from "@/lib/appeals/queries";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { answerAppealAction } from "../actions";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals.office"))("title") };
}

/** One appeal of the office: what the citizen wrote, and the answer that closes it. */
export default async function OfficeAppealPage({ params }: { params: Params }) {
  const locale = await enterPage(params);
  const user = await requirePermission("appeals.handle", locale);
  const { id } = await params;
  const appeal = await findOfficeAppeal(user, id, todayInBishkek());
  if (!appeal) notFound();
  const [t, format] = await Promise.all([getTranslations("appeals"), getFormatter()]);
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/office/appeals">{t("office.back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{appeal.number}</h1>
      <p className="mb-2" data-testid="appeal-state">
        {t(`state.${appeal.state}`)} · {format.dateTime(new Date(appeal.filedAt), { dateStyle: "long" })}
        {appeal.overdue && <strong className="ml-2 text-[var(--color-danger)]">{t("office.overdue")}</strong>}
      </p>
      <p className="mb-1 font-bold">{appeal.fullName}</p>
      <p className="mb-2 font-bold">{appeal.subject}</p>
      <p className="mb-6 max-w-3xl whitespace-pre-line">{appeal.text}</p>
      <h2 className="mb-2 text-xl font-bold">{t("office.answerTitle")}</h2>
      {appeal.answer ? (
        <p className="mb-6 max-w-3xl whitespace-pre-line" data-testid="appeal-answer">
          {appeal.answer}
        </p>
      ) : (
        <ActionForm
          action={answerAppealAction}
          hidden={{ locale, appealId: appeal.id }}
          testId="appeal-answer-form"
          submitLabel={t("office.answerSubmit")}
          fields={[{ kind: "textarea", name: "answer", label: t("office.answer") }]}
        />
      )}
    </>
  );
}
