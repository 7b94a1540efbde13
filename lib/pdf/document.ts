import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFImage } from "pdf-lib";
import QRCode from "qrcode";

// The portal's PDFs (receipt, paper policy, issuance journal): pure JavaScript (pdf-lib) with an embedded DejaVu Sans,
// which covers Russian and Kyrgyz Cyrillic (Ң, Ө, Ү); the font ships as an npm package.

/** A4 portrait in PDF points; A5 is its half (595.28 × 420.94 landscape). */
export const A4 = { width: 595.28, height: 841.89 } as const;

let fonts: Promise<[Buffer, Buffer]> | null = null;
function loadFonts() {
  const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  fonts ??= Promise.all([readFile(path.join(dir, "DejaVuSans.ttf")), readFile(path.join(dir, "DejaVuSans-Bold.ttf"))]);
  return fonts;
}

export type PdfWithFonts = { doc: PDFDocument; regular: PDFFont; bold: PDFFont };

/** A new document with the two fonts embedded (subset) and its metadata set. */
export async function createPdf(meta: { title: string; language: string; creator: string }): Promise<PdfWithFonts> {
  const [regularBytes, boldBytes] = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(plain(meta.title));
  doc.setLanguage(meta.language);
  doc.setCreator(meta.creator);
  return { doc, regular, bold };
}

/** Intl puts narrow no-break spaces in numbers and dates; plain spaces print the same and wrap predictably. */
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/** Words into lines no wider than `width` at this font and size (a word longer than the line stays whole). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of plain(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A QR code as an embedded PNG (medium error correction, a 4-module quiet zone). An image, not drawn squares: a
 * scanner, a printer and a test reading the PDF back all see one clean bitmap.
 */
export async function embedQrCode(doc: PDFDocument, text: string): Promise<PDFImage> {
  const png = await QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 8 });
  return doc.embedPng(png);
}
