import { stringify } from "csv-stringify/sync";
import type { DashboardTable } from "./view-models";

/** A spreadsheet must not run a label that starts like a formula (CSV injection, OWASP). */
const inert = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/**
 * One dashboard table as CSV: UTF-8 with a byte-order mark (Excel reads Cyrillic), a header row, whole numbers (som
 * are integers), the total last. The same `DashboardTable` the page renders, so the file equals the screen.
 */
export function dashboardCsv(table: DashboardTable, totalLabel: string): string {
  const rows: (string | number)[][] = table.rows.map((r) => [...r.labels.map(inert), ...r.values]);
  if (table.total) {
    const pad = table.labelColumns.slice(1).map(() => "");
    rows.push([totalLabel, ...pad, ...table.total]);
  }
  return stringify(rows, { bom: true, header: true, columns: [...table.labelColumns, ...table.valueColumns] });
}
