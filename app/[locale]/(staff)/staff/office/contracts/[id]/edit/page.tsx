import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ContractForm } from "@/components/contracts/contract-form";
import { findContract } from "@/lib/contracts/queries";
import { Link } from "@/lib/i18n/navigation";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { updateContractAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "contracts" }))("detail.edit") };
}

export default async function EditContractPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("office.workspace", locale);
  // Another office's contract is "not found", like one that does not exist (the attempt is audited).
  const contract = await findContract(user, id);
  if (!contract) notFound();
  const t = await getTranslations("contracts");
  return (
    <>
      <p className="mb-4">
        <Link href={`/staff/office/contracts/${id}`}>← {t("import.back")}</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("form.editTitle", { number: contract.number })}</h1>
      <ContractForm
        action={updateContractAction}
        id={id}
        submitLabel={t("form.save")}
        initial={{
          number: contract.number,
          entityName: contract.entityName,
          registrationNumber: contract.registrationNumber,
          validFrom: contract.validFrom,
          validTo: contract.validTo,
          contactName: contract.contactName,
          contactPhone: contract.contactPhone,
          contactEmail: contract.contactEmail ?? "",
          status: contract.status,
        }}
      />
    </>
  );
}
