/**
 * Reading the portal's PDFs back in tests: the text (pdf.js, as a viewer extracts it) and the QR code (the embedded
 * image's pixels, decoded by jsQR) — what a person and a phone would see on the printed sheet.
 */
import { inflateSync } from "node:zlib";
import jsQR from "jsqr";
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** All text of every page, items joined by spaces, pages by new lines. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n");
}

/**
 * The text of every QR code embedded as an image (pdf-lib stores a PNG as Flate-compressed RGB or grey samples with
 * PNG predictors off). Each image is turned into RGBA pixels and given to jsQR.
 */
export async function pdfQrCodes(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict;
    if (dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) continue;
    const width = (dict.get(PDFName.of("Width")) as PDFNumber).asNumber();
    const height = (dict.get(PDFName.of("Height")) as PDFNumber).asNumber();
    const bits = (dict.get(PDFName.of("BitsPerComponent")) as PDFNumber).asNumber();
    const space = dict.get(PDFName.of("ColorSpace"));
    const channels = space === PDFName.of("DeviceGray") ? 1 : 3;
    if (bits !== 8) continue;
    const samples = inflateSync(object.contents);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      const r = samples[p * channels]!;
      rgba[p * 4] = r;
      rgba[p * 4 + 1] = channels === 3 ? samples[p * channels + 1]! : r;
      rgba[p * 4 + 2] = channels === 3 ? samples[p * channels + 2]! : r;
      rgba[p * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    if (code) found.push(code.data);
  }
  return found;
}
