import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { readTableFile, type TableSpec } from "@/lib/files/table-file";
import type { RawContractRow } from "@/lib/rules";

// The list of persons of a contract (cl. 29) as a CSV or XLSX file, read a row at a time (lib/files/table-file.ts), so
// a 20 000-row file never sits in memory as rows.

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

const CONTRACT_LIST: TableSpec<Column, RawContractRow> = {
  columns: TEMPLATE_COLUMNS,
  required: REQUIRED_COLUMNS,
  aliases: HEADER_ALIASES,
  fieldOf: FIELD_OF,
  emptyRow: () => ({
    lastName: "",
    firstName: "",
    patronymic: "",
    pin: "",
    documentType: "",
    documentNumber: "",
    category: "",
    termMonths: "",
  }),
  errors: {
    header: "contracts.error.header",
    unreadable: "contracts.error.unreadable",
    empty: "contracts.error.empty",
  },
};

/** The file's rows after its header, blank rows skipped, each with its line (CSV) or row (XLSX) number. */
export async function* readContractFile(format: ContractFileFormat, bytes: Uint8Array): AsyncGenerator<FileRow> {
  for await (const row of readTableFile(CONTRACT_LIST, format, Readable.from([Buffer.from(bytes)]))) {
    yield { rowNumber: row.line, raw: row.raw };
  }
}
