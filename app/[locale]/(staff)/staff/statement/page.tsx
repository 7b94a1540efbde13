import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatementForm } from "@/components/staff/statement-form";
import { requirePermission } from "@/lib/web/session";
import { findStatementAction } from "./actions";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.statement"))("title") };
}

export default async function StatementPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  await requirePermission("people.statement", locale);
  const t = await getTranslations("payments.statement");
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="no-print mb-6 max-w-2xl">{t("lead")}</p>
      <StatementForm action={findStatementAction} />
    </>
  );
}
