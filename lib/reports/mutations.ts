import "server-only";
import { db } from "@/lib/db";

/**
 * Folds the dashboard rollups' per-connection slots into slot 0 (the job `fold-dashboard-rollups`, issue 17): the
 * figures — sums over the slots — are unchanged, the rows a dashboard sums stay few. Rows a payment holds at that
 * moment are skipped and folded at the next run; a fold running elsewhere makes this one do nothing. The work is the
 * database function oms_fold_dashboard_rollups (migration 20261203100000_dashboard_rollup_slots). Returns the number
 * of slot rows folded.
 */
export async function foldDashboardRollups(): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: number }[]>`SELECT oms_fold_dashboard_rollups()::int AS "folded"`;
  return row?.folded ?? 0;
}
