import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import type { RawContractRow } from "@/lib/rules";

// The list of persons of a contract (cl. 29) as a CSV or XLSX file, read as a stream with maintained parsers
// (csv-parse, exceljs' streaming WorkbookReader): a row at a time, so a 20 000-row file never sits in memory as rows.

/** The largest file accepted (a 20 000-row list is about 1.5 MB as CSV). */
export const CONTRACT_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** The most rows one file may have: a larger list is split into several files. */
export const CONTRACT_FILE_MAX_ROWS = 50_000;

export type ContractFileFormat = "CSV" | "XLSX";

/** The template's columns, in order (public/templates/contract-persons.csv|xlsx). */
export const TEMPLATE_COLUMNS = [
  "last_name",
  "first_name",
  "patronymic",
  "pin",
  "document_type",
  "document_number",
  "category",
  "term_months",
] as const;
type Column = (typeof TEMPLATE_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ["last_name", "first_name", "pin", "document_number"];

/** Russian headers a clerk may type instead of the template's. */
const HEADER_ALIASES: Record<string, Column> = {
  фамилия: "last_name",
  имя: "first_name",
  отчество: "patronymic",
  пин: "pin",
  инн: "pin",
  "тип документа": "document_type",
  "номер документа": "document_number",
  категория: "category",
  срок: "term_months",
};

const FIELD_OF: Record<Column, keyof RawContractRow> = {
  last_name: "lastName",
  first_name: "firstName",
  patronymic: "patronymic",
  pin: "pin",
  document_type: "documentType",
  document_number: "documentNumber",
  category: "category",
  term_months: "termMonths",
};

export type FileRow = { rowNumber: number; raw: RawContractRow };

/**
 * The file's format from its first bytes (an XLSX is a ZIP: "PK\x03\x04"); anything else must be UTF-8 text without
 * NUL bytes and have a .csv or .txt name. A spreadsheet in another format (.xls, .ods) or a PDF is refused.
 */
export function detectContractFileFormat(fileName: string, head: Uint8Array): ContractFileFormat {
  const name = fileName.toLowerCase();
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (name.endsWith(".xlsx") && isZip) return "XLSX";
  if ((name.endsWith(".csv") || name.endsWith(".txt")) && !isZip && !head.includes(0)) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.slice(0, Math.min(head.length, 4096 - 4)));
      return "CSV";
    } catch {
      // a cut multi-byte character at the end of the sample is fine; a Windows-1251 file is not
      if (isUtf8Prefix(head.slice(0, 4096))) return "CSV";
    }
  }
  throw new AppError("contracts.error.fileType", { field: "file" });
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  for (let cut = 0; cut < 4; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(0, bytes.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return false;
}

function normalizeHeader(h: unknown): string {
  return String(h ?? "")
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)$/, "");
}

/** Maps the header row's cells to template columns; a missing required column fails the whole file. */
function columnsOf(header: unknown[]): (Column | null)[] {
  const columns = header.map((h) => {
    const n = normalizeHeader(h);
    if ((TEMPLATE_COLUMNS as readonly string[]).includes(n)) return n as Column;
    return HEADER_ALIASES[n] ?? null;
  });
  if (REQUIRED_COLUMNS.some((c) => !columns.includes(c))) {
    throw new AppError("contracts.error.header", { values: { columns: TEMPLATE_COLUMNS.join(", ") } });
  }
  return columns;
}

function toRaw(columns: (Column | null)[], cells: unknown[]): RawContractRow {
  const raw: RawContractRow = {
    lastName: "",
    firstName: "",
    patronymic: "",
    pin: "",
    documentType: "",
    documentNumber: "",
    category: "",
    termMonths: "",
  };
  columns.forEach((c, i) => {
    if (c) raw[FIELD_OF[c]] = cellText(cells[i]);
  });
  return raw;
}

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

function isBlank(cells: unknown[]): boolean {
  return cells.every((c) => cellText(c).trim() === "");
}

async function* csvRows(bytes: Uint8Array): AsyncGenerator<FileRow> {
  const parser = Readable.from([Buffer.from(bytes)]).pipe(
    parse({
      bom: true,
      delimiter: [",", ";", "\t"],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let columns: (Column | null)[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns === null) {
        columns = columnsOf(record);
        continue;
      }
      if (isBlank(record)) continue;
      yield { rowNumber: info.lines, raw: toRaw(columns, record) };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("contracts.error.unreadable");
  }
  if (columns === null) throw new AppError("contracts.error.empty");
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  let columns: (Column | null)[] | null = null;
  try {
    // The first worksheet is the list; others (notes, a copy) are not read.
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based: index 0 is empty
        const cells = (row.values as unknown[]).slice(1);
        if (columns === null) {
          if (isBlank(cells)) continue;
          columns = columnsOf(cells);
          continue;
        }
        if (isBlank(cells)) continue;
        yield { rowNumber: row.number, raw: toRaw(columns, cells) };
      }
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("contracts.error.unreadable");
  }
  if (columns === null) throw new AppError("contracts.error.empty");
}

/** The file's rows after its header, blank rows skipped, each with its line (CSV) or row (XLSX) number. */
export function readContractFile(format: ContractFileFormat, bytes: Uint8Array): AsyncGenerator<FileRow> {
  return format === "XLSX" ? xlsxRows(bytes) : csvRows(bytes);
}
