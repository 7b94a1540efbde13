import "server-only";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import type { JournalRowView } from "./view-models";
import { inertCell } from "@/lib/files/csv-cell";

// The issuance journal's exports (issue 12): CSV (csv-stringify) and XLSX (exceljs' streaming writer). Both stream:
// rows go out as the database batches come in, so a year's journal never sits in memory whole.

const COLUMNS = [
  "number",
  "holder",
  "pin",
  "category",
  "validFrom",
  "validTo",
  "madeOn",
  "status",
  "handedOn",
  "recipient",
  "recipientDocument",
] as const;

function cells(r: JournalRowView, t: ReturnType<typeof translatorFor>): Record<(typeof COLUMNS)[number], string> {
  const h = r.handover;
  return {
    number: r.number,
    holder: r.holder,
    pin: r.pin ?? r.documentNumber ?? "",
    category: t(`rules.category.${r.category}.name`),
    validFrom: r.validFrom ?? "",
    validTo: r.validTo ?? "",
    madeOn: r.madeOn,
    status: t(`print.journal.${r.status}`),
    handedOn: h?.handedOn ?? "",
    recipient: h?.recipientName ?? "",
    recipientDocument:
      h?.recipientDocumentType && h.recipientDocumentNumber
        ? `${t(`rules.document.${h.recipientDocumentType}`)} ${h.recipientDocumentNumber}`
        : "",
  };
}

/** CSV, UTF-8 with a byte-order mark (so that Excel reads Cyrillic), comma-separated, dates as YYYY-MM-DD. */
export function journalCsv(rows: AsyncIterable<JournalRowView>, locale: Locale): Readable {
  const t = translatorFor(locale);
  const csv = stringify({
    bom: true,
    header: true,
    columns: COLUMNS.map((key) => ({ key, header: t(`print.journal.columns.${key}`) })),
    cast: { string: inertCell },
  });
  void (async () => {
    try {
      for await (const r of rows) {
        if (!csv.write(cells(r, t))) await new Promise((resolve) => csv.once("drain", resolve));
      }
      csv.end();
    } catch (e) {
      csv.destroy(e as Error);
    }
  })();
  return csv;
}

/** XLSX written row by row (exceljs' WorkbookWriter commits each row to the output stream). */
export function journalXlsx(rows: AsyncIterable<JournalRowView>, locale: Locale, sheetName: string): Readable {
  const t = translatorFor(locale);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = COLUMNS.map((key) => ({
    key,
    header: t(`print.journal.columns.${key}`),
    width: key === "holder" || key === "recipient" || key === "category" ? 32 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const r of rows) sheet.addRow(cells(r, t)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
