import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import {
  RECONCILE_KINDS,
  RECONCILE_PAGE_SIZE,
  type ReconcileKind,
  type ReconcileRow,
} from "@/lib/payments/reconcile/rows";

type Page = { rows: ReconcileRow[]; total: number; page: number; pageCount: number };

/** Every row of a reconciliation, one page at a time, with a filter by kind; links keep working without JavaScript. */
export async function ReconciliationRows({
  basePath,
  kind,
  page,
  registerCell,
}: {
  basePath: string;
  kind: ReconcileKind | null;
  page: Page;
  /** the action cell of a line missing on our side (register it, or what it became) */
  registerCell: (txnId: string) => ReactNode;
}) {
  const [t, tc, format] = await Promise.all([
    getTranslations("payments.reconciliation"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });
  const href = (k: ReconcileKind | null, p = 1) => {
    const q = new URLSearchParams({ ...(k ? { kind: k } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString();
    return q ? `${basePath}?${q}` : basePath;
  };
  const td = "py-2 pr-3";
  const first = (page.page - 1) * RECONCILE_PAGE_SIZE + 1;
  return (
    <section className="mb-8" aria-labelledby="rows-title">
      <h2 id="rows-title" className="mb-2 text-xl font-bold">
        {t("rowsTitle")}
      </h2>
      <nav aria-label={t("filterLabel")} className="mb-4">
        <ul className="flex flex-wrap gap-x-5 gap-y-2" data-testid="row-filter">
          {[null, ...RECONCILE_KINDS].map((k) => (
            <li key={k ?? "all"}>
              {k === kind ? (
                <span aria-current="page" className="font-bold">
                  {k ? t(k) : t("all")}
                </span>
              ) : (
                <Link href={href(k)} data-testid={`filter-${k ?? "all"}`}>
                  {k ? t(k) : t("all")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {page.total === 0 ? (
        <p data-testid="rows-none">{t("none")}</p>
      ) : (
        <>
          <p className="mb-2" data-testid="rows-shown">
            {t("shown", { from: first, to: first + page.rows.length - 1, total: page.total })}
          </p>
          <DataTable
            caption={t("rowsTitle")}
            testId="reconcile-rows"
            columns={[
              { label: t("kind") },
              { label: t("txn") },
              { label: t("date") },
              { label: t("account") },
              { label: t("sumTheirs"), align: "right" },
              { label: t("sumOurs"), align: "right" },
              { label: t("register"), srOnly: true },
            ]}
          >
            <tbody>
              {page.rows.map((r) => (
                <tr key={`${r.kind}-${r.txnId}`} className="border-b border-[var(--color-line)] align-top">
                  <td className={td} data-testid={`kind-${r.txnId}`}>
                    {t(r.kind)}
                  </td>
                  <td className={`${td} font-mono`}>{r.txnId}</td>
                  <td className={td}>{when(r.paidAt)}</td>
                  <td className={`${td} font-mono`}>{r.account ?? "—"}</td>
                  <td className={`${td} text-right`}>{r.sumTheirs ?? "—"}</td>
                  <td className={`${td} text-right`}>
                    {r.amountSomOurs === null ? "—" : tc("som", { amount: r.amountSomOurs })}
                  </td>
                  <td className="py-2" data-testid={r.kind === "missingOurs" ? `line-${r.txnId}` : undefined}>
                    {r.kind === "missingOurs" ? registerCell(r.txnId) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {page.pageCount > 1 && (
            <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-5" data-testid="pager">
              {page.page > 1 && <Link href={href(kind, page.page - 1)}>{t("previous")}</Link>}
              <span>{t("pageOf", { page: page.page, count: page.pageCount })}</span>
              {page.page < page.pageCount && (
                <Link href={href(kind, page.page + 1)} data-testid="pager-next">
                  {t("next")}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
