import "server-only";
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import { A4, createPdf, plain, wrap } from "@/lib/pdf/document";
import type { CalendarDate } from "@/lib/rules";
import { numericDate } from "./policy-pdf";
import type { JournalRowView } from "./view-models";

// The issuance journal on paper (cl. 16: date, full name and signature of the recipient): A4 landscape, the header
// repeated on every page, and an empty signature cell per line for the recipient to sign.

const INK = rgb(0.04, 0.05, 0.05);
const MUTED = rgb(0.35, 0.37, 0.4);
const LINE = rgb(0.55, 0.57, 0.6);
const SIZE = 8;
const LEADING = 10;
const MARGIN = 28;

type Column = { key: string; width: number; value: (r: JournalRowView, n: number) => string };

export async function buildJournalPdf(
  rows: AsyncIterable<JournalRowView>,
  options: { locale: Locale; office: string; from?: CalendarDate; to?: CalendarDate; printedOn: CalendarDate },
): Promise<Uint8Array> {
  const t = translatorFor(options.locale);
  const { doc, regular, bold } = await createPdf({
    title: `${t("print.journal.title")} — ${options.office}`,
    language: options.locale,
    creator: t("common.fundName"),
  });
  const doc_ = (r: JournalRowView) =>
    r.handover?.recipientDocumentNumber
      ? `${t(`rules.document.${r.handover.recipientDocumentType!}`)} ${r.handover.recipientDocumentNumber}`
      : "";
  const columns: Column[] = [
    { key: "n", width: 26, value: (_r, n) => String(n) },
    { key: "number", width: 92, value: (r) => r.number },
    { key: "holder", width: 150, value: (r) => `${r.holder}${r.pin ? `, ${r.pin}` : ""}` },
    { key: "madeOn", width: 58, value: (r) => numericDate(r.madeOn) },
    { key: "status", width: 72, value: (r) => t(`print.journal.${r.status}`) },
    { key: "handedOn", width: 58, value: (r) => (r.handover ? numericDate(r.handover.handedOn) : "") },
    { key: "recipient", width: 190, value: (r) => (r.handover ? `${r.handover.recipientName} ${doc_(r)}`.trim() : "") },
    { key: "signature", width: 0, value: () => "" },
  ];
  const pageWidth = A4.height;
  const pageHeight = A4.width;
  const used = columns.reduce((s, c) => s + c.width, 0);
  columns.at(-1)!.width = pageWidth - MARGIN * 2 - used;

  let page: PDFPage;
  let y = 0;
  let pageNumber = 0;
  const header = () => {
    page = doc.addPage([pageWidth, pageHeight]);
    pageNumber += 1;
    y = pageHeight - MARGIN;
    const range =
      options.from || options.to
        ? ` · ${options.from ? numericDate(options.from) : "…"} — ${options.to ? numericDate(options.to) : "…"}`
        : "";
    text(page, `${t("print.journal.title")} — ${options.office}${range}`, MARGIN, (y -= 12), bold, 11);
    text(
      page,
      `${t("print.journal.printed", { date: numericDate(options.printedOn) })} · ${pageNumber}`,
      MARGIN,
      (y -= 13),
      regular,
      SIZE,
      MUTED,
    );
    y -= 8;
    drawRow(
      page,
      columns.map((c) => t(`print.journal.columns.${c.key as "n"}`)),
      bold,
    );
  };
  const drawRow = (p: PDFPage, cells: string[], font: PDFFont, minHeight = 0) => {
    const lines = cells.map((cell, i) => wrap(cell, font, SIZE, columns[i]!.width - 6));
    const height = Math.max(minHeight, ...lines.map((l) => l.length * LEADING)) + 6;
    let x = MARGIN;
    lines.forEach((cellLines, i) => {
      cellLines.forEach((l, j) => text(p, l, x + 3, y - 3 - SIZE - j * LEADING, font, SIZE));
      p.drawRectangle({ x, y: y - height, width: columns[i]!.width, height, borderColor: LINE, borderWidth: 0.5 });
      x += columns[i]!.width;
    });
    y -= height;
  };

  header();
  let n = 0;
  for await (const r of rows) {
    n += 1;
    const cells = columns.map((c) => c.value(r, n));
    // A signature needs room: at least two lines high.
    if (y - 2 * LEADING - 40 < MARGIN) header();
    drawRow(page!, cells, regular, 2 * LEADING);
  }
  if (n === 0) text(page!, t("print.journal.none"), MARGIN, (y -= 16), regular, 10);
  return doc.save();
}

function text(page: PDFPage, s: string, x: number, y: number, font: PDFFont, size: number, color = INK) {
  page.drawText(plain(s), { x, y, size, font, color });
}
