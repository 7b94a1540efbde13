import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { RegistryUploadForm } from "@/components/staff/registry-upload-form";
import { requirePermission } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { listRegistryUploads } from "@/lib/payments/reconcile-queries";
import { uploadRegistryAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.reconciliation"))("title") };
}

export default async function ReconciliationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("payments.reconcile", locale);
  const [t, format, uploads] = await Promise.all([getTranslations(), getFormatter(), listRegistryUploads(user)]);
  const providers = [
    { value: "", label: t("staff.admin.choose") },
    { value: "quickpay", label: t("staff.paymentChannel.QUICKPAY") },
    { value: "megacom", label: t("staff.paymentChannel.MEGACOM") },
    { value: "pay24", label: t("staff.paymentChannel.PAY24") },
  ];
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("payments.reconciliation.title")}</h1>
      <p className="mb-6 max-w-2xl">{t("payments.reconciliation.lead")}</p>
      <RegistryUploadForm action={uploadRegistryAction} providers={providers} />
      <h2 className="mb-2 mt-10 text-2xl font-bold">{t("payments.reconciliation.history")}</h2>
      {uploads.length === 0 ? (
        <p>{t("staff.table.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="registry-uploads">
            <thead>
              <tr className="border-b-2 border-[var(--color-ink)]">
                <th scope="col" className="py-2 pr-3">{t("payments.reconciliation.uploadedAt")}</th>
                <th scope="col" className="py-2 pr-3">{t("payments.reconciliation.provider")}</th>
                <th scope="col" className="py-2 pr-3">{t("payments.reconciliation.file")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("payments.reconciliation.lines")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("payments.reconciliation.matched")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("payments.reconciliation.missingOurs")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("payments.reconciliation.missingTheirs")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("payments.reconciliation.mismatched")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("payments.reconciliation.open")}</span></th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id} className="border-b border-[var(--color-line)]">
                  <td className="py-2 pr-3">{format.dateTime(u.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className="py-2 pr-3">{t(`staff.paymentChannel.${u.provider}` as never)}</td>
                  <td className="py-2 pr-3 break-all">{u.fileName}</td>
                  <td className="py-2 pr-3 text-right">{u.lineCount}</td>
                  <td className="py-2 pr-3 text-right">{u.matched}</td>
                  <td className="py-2 pr-3 text-right">{u.missingOurs}</td>
                  <td className="py-2 pr-3 text-right">{u.missingTheirs}</td>
                  <td className="py-2 pr-3 text-right">{u.mismatched}</td>
                  <td className="py-2"><Link href={`/staff/fund/reconciliation/${u.id}`}>{t("payments.reconciliation.open")}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
