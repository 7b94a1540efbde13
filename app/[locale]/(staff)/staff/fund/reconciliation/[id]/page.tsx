import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RegisterLineButton } from "@/components/staff/register-line-button";
import { enterPage } from "@/lib/web/page-locale";
import { paymentChannelLabel } from "@/lib/payments/channels";
import { requirePermission } from "@/lib/web/session";
import { Link } from "@/lib/i18n/navigation";
import { findRegistryUpload } from "@/lib/payments/reconcile/queries";
import { DataTable } from "@/components/ui/data-table";
import { registerRegistryLineAction } from "../actions";

const SHOWN = 500;

export default async function ReconciliationResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ reused?: string }>;
}) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("payments.reconcile", locale);
  const found = await findRegistryUpload(user, id);
  if (!found) notFound();
  const { upload, result, registered } = found;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const when = (iso: string | Date) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });
  const som = (n: number) => t("common.som", { amount: n });
  const th = "py-2 pr-3";
  const counts: [string, number, string][] = [
    [t("payments.reconciliation.lines"), upload.lineCount, "count-lines"],
    [t("payments.reconciliation.matched"), upload.matched, "count-matched"],
    [t("payments.reconciliation.missingOurs"), upload.missingOurs, "count-missing-ours"],
    [t("payments.reconciliation.missingTheirs"), upload.missingTheirs, "count-missing-theirs"],
    [t("payments.reconciliation.mismatched"), upload.mismatched, "count-mismatched"],
  ];
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/staff/fund/reconciliation">← {t("payments.reconciliation.history")}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">
        {t("payments.reconciliation.resultTitle", {
          provider: t(paymentChannelLabel(upload.provider)),
          file: upload.fileName,
        })}
      </h1>
      {(await searchParams).reused && (
        <p className="mb-4 border-l-8 border-[var(--color-brand)] bg-blue-50 p-3" data-testid="reused" role="status">
          {t("payments.reconciliation.alreadyUploaded", { at: when(upload.createdAt) })}
        </p>
      )}
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {counts.map(([label, n, testId]) => (
          <div key={testId} className="border-t-4 border-[var(--color-brand)] pt-2">
            <dt className="text-sm">{label}</dt>
            <dd className="text-2xl font-bold" data-testid={testId}>
              {n}
            </dd>
          </div>
        ))}
      </dl>
      {upload.missingOurs + upload.missingTheirs + upload.mismatched === 0 && (
        <p data-testid="all-matched">{t("payments.reconciliation.allMatched")}</p>
      )}
      {result.missingOurs.length > 0 && (
        <section className="mb-8">
          <h2 className="mb-2 text-xl font-bold">{t("payments.reconciliation.missingOursTitle")}</h2>
          <DataTable
            testId="missing-ours"
            columns={[
              { label: t("payments.reconciliation.txn") },
              { label: t("payments.reconciliation.date") },
              { label: t("payments.reconciliation.account") },
              { label: t("payments.reconciliation.sumTheirs"), align: "right" },
              { label: t("staff.admin.actions") },
            ]}
          >
            <tbody>
              {result.missingOurs.slice(0, SHOWN).map((l) => (
                <tr key={l.txnId} className="border-b border-[var(--color-line)]">
                  <td className={`${th} font-mono`}>{l.txnId}</td>
                  <td className={th}>{when(l.paidAt)}</td>
                  <td className={`${th} font-mono`}>{l.account}</td>
                  <td className={`${th} text-right`}>{l.sum}</td>
                  <td className="py-2" data-testid={`line-${l.txnId}`}>
                    {registered.has(l.txnId) ? (
                      <span className="font-bold text-[var(--color-success)]">
                        {t("payments.reconciliation.registered", { comment: registered.get(l.txnId)! })}
                      </span>
                    ) : (
                      <RegisterLineButton action={registerRegistryLineAction} uploadId={upload.id} txnId={l.txnId} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      )}
      {result.missingTheirs.length > 0 && (
        <section className="mb-8">
          <h2 className="mb-2 text-xl font-bold">{t("payments.reconciliation.missingTheirsTitle")}</h2>
          <DataTable
            testId="missing-theirs"
            columns={[
              { label: t("payments.reconciliation.txn") },
              { label: t("payments.reconciliation.date") },
              { label: t("payments.reconciliation.account") },
              { label: t("payments.reconciliation.sumOurs"), align: "right" },
            ]}
          >
            <tbody>
              {result.missingTheirs.slice(0, SHOWN).map((p) => (
                <tr key={p.txnId} className="border-b border-[var(--color-line)]">
                  <td className={`${th} font-mono`}>{p.txnId}</td>
                  <td className={th}>{when(p.paidAt)}</td>
                  <td className={`${th} font-mono`}>{p.account ?? "—"}</td>
                  <td className={`${th} text-right`}>{som(p.amountSom)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      )}
      {result.mismatched.length > 0 && (
        <section className="mb-8">
          <h2 className="mb-2 text-xl font-bold">{t("payments.reconciliation.mismatchTitle")}</h2>
          <DataTable
            testId="mismatched"
            columns={[
              { label: t("payments.reconciliation.txn") },
              { label: t("payments.reconciliation.account") },
              { label: t("payments.reconciliation.sumTheirs"), align: "right" },
              { label: t("payments.reconciliation.sumOurs"), align: "right" },
            ]}
          >
            <tbody>
              {result.mismatched.slice(0, SHOWN).map((l) => (
                <tr key={l.txnId} className="border-b border-[var(--color-line)]">
                  <td className={`${th} font-mono`}>{l.txnId}</td>
                  <td className={`${th} font-mono`}>{l.account}</td>
                  <td className={`${th} text-right`}>{l.sum}</td>
                  <td className={`${th} text-right`}>{som(l.amountSomOurs)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      )}
    </>
  );
}
