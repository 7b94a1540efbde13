import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegistryUploadForm } from "@/components/staff/registry-upload-form";
import { requirePermission } from "@/lib/web/session";
import { Link } from "@/lib/i18n/navigation";
import { paymentChannelLabel, terminalChannel, TERMINAL_PROVIDER_CODES } from "@/lib/payments/channels";
import { listRegistryUploads } from "@/lib/payments/reconcile/queries";
import { uploadRegistryAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";
import { enterPage } from "@/lib/web/page-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.reconciliation"))("title") };
}

export default async function ReconciliationPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("payments.reconcile", locale);
  const [t, format, uploads] = await Promise.all([getTranslations(), getFormatter(), listRegistryUploads(user)]);
  const providers = [
    { value: "", label: t("staff.admin.choose") },
    ...TERMINAL_PROVIDER_CODES.map((p) => ({ value: p, label: t(paymentChannelLabel(terminalChannel(p))) })),
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
          <DataTable
            caption={t("payments.reconciliation.history")}
            testId="registry-uploads"
            columns={[
              { label: t("payments.reconciliation.uploadedAt") },
              { label: t("payments.reconciliation.provider") },
              { label: t("payments.reconciliation.file") },
              { label: t("payments.reconciliation.lines"), align: "right" },
              { label: t("payments.reconciliation.matched"), align: "right" },
              { label: t("payments.reconciliation.missingOurs"), align: "right" },
              { label: t("payments.reconciliation.missingTheirs"), align: "right" },
              { label: t("payments.reconciliation.mismatched"), align: "right" },
              { label: t("payments.reconciliation.open"), srOnly: true },
            ]}
          >
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id} className="border-b border-[var(--color-line)]">
                  <td className="py-2 pr-3">
                    {format.dateTime(u.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  </td>
                  <td className="py-2 pr-3">{t(paymentChannelLabel(u.provider))}</td>
                  <td className="py-2 pr-3 break-all">{u.fileName}</td>
                  <td className="py-2 pr-3 text-right">{u.lineCount}</td>
                  <td className="py-2 pr-3 text-right">{u.matched}</td>
                  <td className="py-2 pr-3 text-right">{u.missingOurs}</td>
                  <td className="py-2 pr-3 text-right">{u.missingTheirs}</td>
                  <td className="py-2 pr-3 text-right">{u.mismatched}</td>
                  <td className="py-2">
                    <Link href={`/staff/fund/reconciliation/${u.id}`}>{t("payments.reconciliation.open")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
    </>
  );
}
