import type { ReconciliationResult, RegistryLine } from "./registry-csv";

/** The kinds of a reconciliation row, in the order the page offers them as filters. */
export const RECONCILE_KINDS = ["matched", "missingOurs", "missingTheirs", "mismatched"] as const;
export type ReconcileKind = (typeof RECONCILE_KINDS)[number];

export type ReconcileRow = {
  kind: ReconcileKind;
  txnId: string;
  paidAt: string;
  account: string | null;
  /** the registry's sum as written in the file (null: the registry does not list it) */
  sumTheirs: string | null;
  amountSomOurs: number | null;
};

export const RECONCILE_PAGE_SIZE = 50;

export const isReconcileKind = (k: string | undefined): k is ReconcileKind =>
  (RECONCILE_KINDS as readonly string[]).includes(k ?? "");

/**
 * Every row of a stored result as one list (registry lines in file order, then our payments the registry lacks).
 * Results stored before matched lines were kept have no `matched` list: those rows are counted but not listed.
 */
function allRows(result: ReconciliationResult): ReconcileRow[] {
  const line = (l: RegistryLine, kind: ReconcileKind, amountSomOurs: number | null) => ({
    at: l.line,
    row: { kind, txnId: l.txnId, paidAt: l.paidAt, account: l.account, sumTheirs: l.sum, amountSomOurs },
  });
  const fromRegistry = [
    // matched: our amount is the registry's (that is what matched means)
    ...(result.matched ?? []).map((l) => line(l, "matched", l.sumTyiyn / 100)),
    ...result.missingOurs.map((l) => line(l, "missingOurs", null)),
    ...result.mismatched.map((l) => line(l, "mismatched", l.amountSomOurs)),
  ]
    .sort((a, b) => a.at - b.at)
    .map((x) => x.row);
  const ours = result.missingTheirs.map((p): ReconcileRow => ({
    kind: "missingTheirs",
    txnId: p.txnId,
    paidAt: p.paidAt,
    account: p.account,
    sumTheirs: null,
    amountSomOurs: p.amountSom,
  }));
  return [...fromRegistry, ...ours];
}

/** One page of the rows, all kinds or one; a page past the end shows the last page. */
export function pageReconcileRows(
  result: ReconciliationResult,
  filter: { kind: ReconcileKind | null; page: number },
): { rows: ReconcileRow[]; total: number; page: number; pageCount: number } {
  const rows = allRows(result).filter((r) => filter.kind === null || r.kind === filter.kind);
  const pageCount = Math.max(1, Math.ceil(rows.length / RECONCILE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page) || 1), pageCount);
  const start = (page - 1) * RECONCILE_PAGE_SIZE;
  return { rows: rows.slice(start, start + RECONCILE_PAGE_SIZE), total: rows.length, page, pageCount };
}
