import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ContractDetails } from "@/components/contracts/contract-details";
import { ContractImportsTable } from "@/components/contracts/contract-imports-table";
import { ContractPersonsTable } from "@/components/contracts/contract-persons-table";
import { ContractUploadForm } from "@/components/contracts/contract-upload-form";
import { TEMPLATE_COLUMNS } from "@/lib/contracts/read-file";
import { findContract, listContractImports, listContractPersons } from "@/lib/contracts/queries";
import { BISHKEK_TIME_ZONE } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { uploadContractListAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "contracts" }))("title") };
}

export default async function ContractPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  // Another office's contract is "not found", like one that does not exist (the attempt is audited).
  const contract = await findContract(user, id);
  if (!contract) notFound();
  const [t, format, imports, persons] = await Promise.all([
    getTranslations("contracts"),
    getFormatter(),
    listContractImports(user, id),
    listContractPersons(user, id),
  ]);
  const uploadedAt = Object.fromEntries(
    imports.map((i) => [
      i.id,
      format.dateTime(new Date(i.createdAt), { dateStyle: "short", timeStyle: "short", timeZone: BISHKEK_TIME_ZONE }),
    ]),
  );
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/office/contracts">← {t("detail.back")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold" data-testid="contract-title">
        {t("detail.title", { number: contract.number })}
      </h1>
      <ContractDetails contract={contract} />
      <p className="mb-8">
        <Link href={`/staff/office/contracts/${id}/edit`}>{t("detail.edit")}</Link>
      </p>
      {contract.status === "ACTIVE" && (
        <section aria-labelledby="upload-title" className="mb-10">
          <h2 id="upload-title" className="mb-2 text-2xl font-bold">
            {t("upload.title")}
          </h2>
          <p className="mb-2 max-w-3xl">{t("upload.lead")}</p>
          <p className="mb-2">
            {t("upload.template")}{" "}
            <a href="/templates/contract-persons.csv" download>
              {t("upload.templateCsv")}
            </a>
            {", "}
            <a href="/templates/contract-persons.xlsx" download>
              {t("upload.templateXlsx")}
            </a>
          </p>
          <details className="mb-4 max-w-3xl">
            <summary className="cursor-pointer font-bold">{t("upload.columnsTitle")}</summary>
            <ul className="mt-2 list-disc pl-6">
              {TEMPLATE_COLUMNS.map((c) => (
                <li key={c}>
                  <code>{c}</code> — {t(`upload.columns.${c}`)}
                </li>
              ))}
            </ul>
          </details>
          <ContractUploadForm action={uploadContractListAction} contractId={id} />
        </section>
      )}
      <h2 className="mb-2 text-2xl font-bold">{t("detail.imports")}</h2>
      <div className="mb-10">
        <ContractImportsTable contractId={id} rows={imports} uploadedAt={uploadedAt} />
      </div>
      <h2 className="mb-2 text-2xl font-bold">{t("detail.persons")}</h2>
      <ContractPersonsTable rows={persons.rows} total={persons.total} />
    </>
  );
}
