import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/message-key";

// A list of rows uploaded as CSV or XLSX (a contract's persons, the external-coverage registry), read as a stream with
// maintained parsers (csv-parse; exceljs' streaming WorkbookReader): a row at a time, so a large file never sits in
// memory as rows. What differs between lists — their columns, the header names a person may type, the messages — is
// the caller's `TableSpec`.

export type TableFileFormat = "CSV" | "XLSX";

export type TableSpec<C extends string, R> = {
  /** the template's columns, in order */
  columns: readonly C[];
  /** a file without one of these in its header is refused whole */
  required: readonly C[];
  /** other header names (lower case) a person may type for a column */
  aliases: Record<string, C>;
  /** the row's field each column fills */
  fieldOf: Record<C, keyof R>;
  /** a row with every field empty */
  emptyRow: () => R;
  /** message keys: the header lacks a required column ({columns}), the file cannot be parsed, it has no header */
  errors: { header: MessageKey; unreadable: MessageKey; empty: MessageKey };
  /** read the workbook's styles: without them a date cell reads as its serial number */
  xlsxDates?: boolean;
};

export type TableRow<R> = { line: number; raw: R };

/** A spreadsheet cell as text: numbers without exponent (a PIN typed as a number), formulas by their result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v);
}

const isBlank = (cells: unknown[]) => cells.every((c) => cellText(c).trim() === "");

function normalizeHeader(h: unknown): string {
  return String(h ?? "")
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)$/, "");
}

/** Maps the header row's cells to the spec's columns; a missing required column fails the whole file. */
function columnsOf<C extends string, R>(spec: TableSpec<C, R>, header: unknown[]): (C | null)[] {
  const columns = header.map((h) => {
    const n = normalizeHeader(h);
    if ((spec.columns as readonly string[]).includes(n)) return n as C;
    return spec.aliases[n] ?? null;
  });
  if (spec.required.some((c) => !columns.includes(c))) {
    throw new AppError(spec.errors.header, { values: { columns: spec.columns.join(", ") } });
  }
  return columns;
}

function toRow<C extends string, R>(spec: TableSpec<C, R>, columns: (C | null)[], cells: unknown[]): R {
  const raw = spec.emptyRow();
  columns.forEach((c, i) => {
    if (c) (raw as Record<keyof R, string>)[spec.fieldOf[c]] = cellText(cells[i]);
  });
  return raw;
}

async function* csvCells(input: Readable): AsyncGenerator<{ line: number; cells: unknown[] }> {
  const parser = input.pipe(
    parse({ bom: true, delimiter: [",", ";", "\t"], relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: info.lines, cells: record };
  }
}

async function* xlsxCells(input: Readable, dates: boolean): AsyncGenerator<{ line: number; cells: unknown[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: dates ? "cache" : "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  // The first worksheet is the list; others (notes, a copy) are not read.
  for await (const sheet of reader) {
    // row.values is 1-based: index 0 is empty
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>)
      yield { line: row.number, cells: (row.values as unknown[]).slice(1) };
    break;
  }
}

/** The file's rows after its header, blank rows skipped, each with its line (CSV) or row (XLSX) number. */
export async function* readTableFile<C extends string, R>(
  spec: TableSpec<C, R>,
  format: TableFileFormat,
  input: Readable,
): AsyncGenerator<TableRow<R>> {
  let columns: (C | null)[] | null = null;
  try {
    const rows = format === "XLSX" ? xlsxCells(input, spec.xlsxDates ?? false) : csvCells(input);
    for await (const { line, cells } of rows) {
      if (isBlank(cells)) continue;
      if (columns === null) {
        columns = columnsOf(spec, cells);
        continue;
      }
      yield { line, raw: toRow(spec, columns, cells) };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(spec.errors.unreadable);
  } finally {
    input.destroy();
  }
  if (columns === null) throw new AppError(spec.errors.empty);
}
