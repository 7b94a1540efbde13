import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ReconciliationRows } from "@/components/fund/reconciliation-rows";
import { RegisterLineButton } from "@/components/staff/register-line-button";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { paymentChannelLabel } from "@/lib/payments/channels";
import { requirePermission } from "@/lib/web/session";
import { Link } from "@/lib/i18n/navigation";
import { findRegistryUpload } from "@/lib/payments/reconcile/queries";
import { isReconcileKind } from "@/lib/payments/reconcile/rows";
import { registerRegistryLineAction } from "../actions";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ reused?: string; kind?: string; page?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "payments.reconciliation" }))("rowsTitle") };
}

/** One registry upload: its counts and every row, paged, filtered by kind (matched, ours only, theirs only, sums). */
export default async function ReconciliationResultPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("payments.reconcile", locale);
  const query = await searchParams;
  const kind = isReconcileKind(query.kind) ? query.kind : null;
  const found = await findRegistryUpload(user, id, { kind, page: Number(query.page ?? 1) });
  if (!found) notFound();
  const { upload, page, registered, pending } = found;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
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
      <h1 className="mb-4 break-words text-3xl font-bold">
        {t("payments.reconciliation.resultTitle", {
          provider: t(paymentChannelLabel(upload.provider)),
          file: upload.fileName,
        })}
      </h1>
      {query.reused && (
        <p className="mb-4 border-l-8 border-[var(--color-brand)] bg-blue-50 p-3" data-testid="reused" role="status">
          {t("payments.reconciliation.alreadyUploaded", {
            at: format.dateTime(upload.createdAt, { dateStyle: "short", timeStyle: "medium" }),
          })}
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
      <ReconciliationRows
        basePath={`/staff/fund/reconciliation/${upload.id}`}
        kind={kind}
        page={page}
        registerCell={(txnId) =>
          registered.has(txnId) ? (
            <span className="font-bold text-[var(--color-success)]">
              {t("payments.reconciliation.registered", { comment: registered.get(txnId)! })}
            </span>
          ) : pending.has(txnId) ? (
            <Link href="/staff/approvals" data-testid={`line-${txnId}-pending`}>
              {t("approvals.held")}
            </Link>
          ) : (
            <RegisterLineButton action={registerRegistryLineAction} uploadId={upload.id} txnId={txnId} />
          )
        }
      />
    </>
  );
}
