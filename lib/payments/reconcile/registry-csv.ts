import { AppError } from "@/lib/errors";
import { parseTxnDate } from "@/lib/payments/terminals/protocol";

const MAX_REGISTRY_LINES = 100_000;

export type RegistryLine = {
  line: number;
  txnId: string;
  txnDate: string;
  paidAt: string;
  account: string;
  sum: string;
  sumTyiyn: number;
};
export type ReconciliationResult = {
  /** lines that agree with our payment (absent from uploads stored before every row was kept) */
  matched?: RegistryLine[];
  missingOurs: RegistryLine[];
  missingTheirs: { txnId: string; paidAt: string; account: string | null; amountSom: number }[];
  mismatched: (RegistryLine & { amountSomOurs: number })[];
};

/** "2024-03-10 14:05:00" or "20240310140500", Bishkek local time, as the providers' registries write it. */
function parseRegistryDate(s: string): Date | null {
  return parseTxnDate(s.replace(/[-:\sT]/g, ""));
}

/** The provider's daily registry: CSV lines `txn_id, txn_date, account, sum` (comma or semicolon; a header is skipped). */
export function parseRegistryCsv(text: string): RegistryLine[] {
  const out: RegistryLine[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(/[;,]/).map((c) => c.trim().replace(/^"|"$/g, ""));
    if (index === 0 && /txn/i.test(cells[0] ?? "")) return;
    const [txnId = "", txnDate = "", account = "", sum = ""] = cells;
    const paidAt = parseRegistryDate(txnDate);
    const sumMatch = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(sum);
    if (cells.length < 4 || !/^\d{1,20}$/.test(txnId) || !paidAt || !account || !sumMatch) {
      throw new AppError("errors.registryFormat", { field: "file", values: { line: index + 1 } });
    }
    const sumTyiyn = Number(sumMatch[1]) * 100 + Number((sumMatch[2] ?? "").padEnd(2, "0"));
    out.push({ line: index + 1, txnId, txnDate, paidAt: paidAt.toISOString(), account, sum, sumTyiyn });
  });
  if (out.length === 0) throw new AppError("errors.registryEmpty", { field: "file" });
  if (out.length > MAX_REGISTRY_LINES) throw new AppError("errors.registryTooLarge", { field: "file" });
  return out;
}
