import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/refunds/action-form";
import { PageLink } from "@/lib/i18n/page-link";
import { listOffices } from "@/lib/offices/queries";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { fileAppealAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "appeals.file" });
  return { title: t("title") };
}

/** A citizen's appeal about an issuance decision (cl. 36–37), filed online. */
export default async function FileAppealPage({ params }: Props) {
  const locale = await enterPage(params);
  const [t, offices] = await Promise.all([getTranslations("appeals"), listOffices()]);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("file.title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("file.lead")}</p>
      <ActionForm
        action={fileAppealAction}
        hidden={{ locale }}
        testId="appeal-form"
        submitLabel={t("file.submit")}
        fields={[
          { kind: "text", name: "pin", label: t("file.pin"), hint: t("file.pinHint"), autoComplete: "off" },
          { kind: "text", name: "fullName", label: t("file.fullName"), autoComplete: "name" },
          { kind: "text", name: "phone", label: t("file.phone"), autoComplete: "tel" },
          {
            kind: "select",
            name: "officeCode",
            label: t("file.office"),
            options: [
              { value: "", label: "—" },
              ...offices.map((o) => ({ value: o.code, label: locale === "ky" ? o.nameKy : o.nameRu })),
            ],
          },
          { kind: "text", name: "subject", label: t("file.subject"), hint: t("file.subjectHint") },
          { kind: "textarea", name: "text", label: t("file.text") },
        ]}
      />
      <PageLink href="/appeals/status">{t("file.statusLink")}</PageLink>
    </>
  );
}
