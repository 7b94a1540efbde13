import { stringify } from "csv-stringify/sync";
import type { DashboardTable } from "./view-models";
import { inertCell } from "@/lib/files/csv-cell";

/**
 * One dashboard table as CSV: UTF-8 with a byte-order mark (Excel reads Cyrillic), a header row, whole numbers (som
 * are integers), the total last. The same `DashboardTable` the page renders, so the file equals the screen.
 */
export function dashboardCsv(table: DashboardTable, totalLabel: string): string {
  const rows: (string | number)[][] = table.rows.map((r) => [...r.labels.map(inertCell), ...r.values]);
  if (table.total) {
    const pad = table.labelColumns.slice(1).map(() => "");
    rows.push([totalLabel, ...pad, ...table.total]);
  }
  return stringify(rows, { bom: true, header: true, columns: [...table.labelColumns, ...table.valueColumns] });
}
