import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import type { RawCoverageRow } from "@/lib/rules";

// The external-coverage registry file (issue 15) read as a stream from disk with the same maintained parsers as a
// contract's list (csv-parse; exceljs' streaming WorkbookReader): a 1 000 000-row file never sits in memory.

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

export type CoverageFileRow = { line: number; raw: RawCoverageRow };

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

function columnsOf(header: unknown[]): (Column | null)[] {
  const columns = header.map((h) => {
    const n = String(h ?? "")
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase();
    if ((COVERAGE_COLUMNS as readonly string[]).includes(n)) return n as Column;
    return ALIASES[n] ?? null;
  });
  if (REQUIRED.some((c) => !columns.includes(c))) {
    throw new AppError("coverage.error.header", { values: { columns: COVERAGE_COLUMNS.join(", ") } });
  }
  return columns;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { text?: unknown; result?: unknown };
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v);
}

function toRaw(columns: (Column | null)[], cells: unknown[]): RawCoverageRow {
  const raw: RawCoverageRow = { pin: "", source: "", coveredFrom: "", coveredTo: "" };
  columns.forEach((c, i) => {
    if (c) raw[FIELD[c]] = cellText(cells[i]);
  });
  return raw;
}

const isBlank = (cells: unknown[]) => cells.every((c) => cellText(c).trim() === "");

async function* csvRows(path: string, onBytes: (n: number) => void): AsyncGenerator<CoverageFileRow> {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes(chunk.length));
  const parser = input.pipe(
    parse({ bom: true, delimiter: [",", ";", "\t"], relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let columns: (Column | null)[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns === null) {
        columns = columnsOf(record);
        continue;
      }
      if (isBlank(record)) continue;
      yield { line: info.lines, raw: toRaw(columns, record) };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("coverage.error.unreadable");
  } finally {
    input.destroy();
  }
  if (columns === null) throw new AppError("coverage.error.empty");
}

async function* xlsxRows(path: string, onBytes: (n: number) => void): AsyncGenerator<CoverageFileRow> {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // the styles say which numbers are dates: without them a date cell reads as its serial number
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  let columns: (Column | null)[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]).slice(1);
        if (isBlank(cells)) continue;
        if (columns === null) {
          columns = columnsOf(cells);
          continue;
        }
        yield { line: row.number, raw: toRaw(columns, cells) };
      }
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("coverage.error.unreadable");
  } finally {
    input.destroy();
  }
  if (columns === null) throw new AppError("coverage.error.empty");
}

/** The rows after the header, blank ones skipped, each with its line (CSV) or row (XLSX) number. */
export function readCoverageFile(
  format: CoverageFileFormat,
  path: string,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<CoverageFileRow> {
  return format === "XLSX" ? xlsxRows(path, onBytes) : csvRows(path, onBytes);
}
