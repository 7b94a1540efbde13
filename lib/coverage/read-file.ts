import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { readTableFile, type TableRow, type TableSpec } from "@/lib/files/table-file";
import type { RawCoverageRow } from "@/lib/rules";

// The external-coverage registry file (issue 15) read as a stream from disk by the same reader as a contract's list
// (lib/files/table-file.ts): a 1 000 000-row file never sits in memory.

export type CoverageFileFormat = "CSV" | "XLSX";

/** The file's columns (public/templates/external-coverage.csv). */
export const COVERAGE_COLUMNS = ["pin", "source", "covered_from", "covered_to"] as const;
type Column = (typeof COVERAGE_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["pin", "covered_from", "covered_to"];

const ALIASES: Record<string, Column> = {
  пин: "pin",
  инн: "pin",
  источник: "source",
  "действует с": "covered_from",
  "действует по": "covered_to",
  с: "covered_from",
  по: "covered_to",
};

const FIELD: Record<Column, keyof RawCoverageRow> = {
  pin: "pin",
  source: "source",
  covered_from: "coveredFrom",
  covered_to: "coveredTo",
};

export type CoverageFileRow = TableRow<RawCoverageRow>;

/** The format from the first bytes (an XLSX is a ZIP) and the name; anything else is refused. */
export async function detectCoverageFileFormat(fileName: string, path: string): Promise<CoverageFileFormat> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(4096);
  const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
  const bytes = head.subarray(0, bytesRead);
  const name = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (name.endsWith(".xlsx") && isZip) return "XLSX";
  if ((name.endsWith(".csv") || name.endsWith(".txt")) && !isZip && !bytes.includes(0)) return "CSV";
  throw new AppError("coverage.error.fileType", { field: "file" });
}

const COVERAGE_FILE: TableSpec<Column, RawCoverageRow> = {
  columns: COVERAGE_COLUMNS,
  required: REQUIRED,
  aliases: ALIASES,
  fieldOf: FIELD,
  emptyRow: () => ({ pin: "", source: "", coveredFrom: "", coveredTo: "" }),
  errors: { header: "coverage.error.header", unreadable: "coverage.error.unreadable", empty: "coverage.error.empty" },
  xlsxDates: true,
};

/** The rows after the header, blank ones skipped, each with its line (CSV) or row (XLSX) number. */
export function readCoverageFile(
  format: CoverageFileFormat,
  path: string,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<CoverageFileRow> {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes(chunk.length));
  return readTableFile(COVERAGE_FILE, format, input);
}
