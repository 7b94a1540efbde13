import "server-only";
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { translatorFor } from "@/lib/i18n/translate";
import { A4, createPdf, embedQrCode, wrap } from "@/lib/pdf/document";
import type { CalendarDate } from "@/lib/rules";
import type { PaperPolicyView } from "./view-models";

// The paper policy (cl. 15; issue 12): an A5 form in the top half of an A4 sheet, with cut marks at its corners and
// a dashed cut line, Russian and Kyrgyz on the same form (both are official languages), and a QR code that opens
// the public verification page. Dates print as DD.MM.YYYY, the same in both languages.

const INK = rgb(0.04, 0.05, 0.05);
const MUTED = rgb(0.35, 0.37, 0.4);
const A5_HEIGHT = A4.height / 2;

export const numericDate = (d: CalendarDate) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

export async function buildPolicyPdf(
  policy: PaperPolicyView,
  options: { verifyUrl: string; reprintOn?: CalendarDate },
): Promise<Uint8Array> {
  const ru = translatorFor("ru");
  const ky = translatorFor("ky");
  const { doc, regular, bold } = await createPdf({
    title: `${ru("print.policy.title")} ${policy.number}`,
    language: "ru",
    creator: ru("common.fundName"),
  });
  const page = doc.addPage([A4.width, A4.height]);
  drawCutMarks(page, regular, `${ru("print.policy.cutHere")} / ${ky("print.policy.cutHere")}`);

  const left = 40;
  const right = A4.width - 40;
  let y = A4.height - 40;
  const line = (s: string, font: PDFFont, size: number, color = INK, width = right - left, x = left) => {
    for (const l of wrap(s, font, size, width)) {
      y -= size;
      page.drawText(l, { x, y, size, font, color });
      y -= 3;
    }
  };

  line(`${ru("common.fundName")} / ${ky("common.fundName")}`, regular, 8, MUTED);
  y -= 4;
  line(ru("print.policy.title"), bold, 13);
  line(ky("print.policy.title"), bold, 11);
  y -= 6;

  // The QR code on the right, beside the number and the rows.
  const qrSize = 118;
  const qr = await embedQrCode(doc, options.verifyUrl);
  const qrTop = y;
  page.drawImage(qr, { x: right - qrSize, y: qrTop - qrSize, width: qrSize, height: qrSize });
  let hintY = qrTop - qrSize - 4;
  for (const hint of [ru("print.policy.qrHint"), ky("print.policy.qrHint")]) {
    for (const l of wrap(hint, regular, 6.5, qrSize)) {
      hintY -= 7;
      page.drawText(l, { x: right - qrSize, y: hintY, size: 6.5, font: regular, color: MUTED });
    }
  }

  const textRight = right - qrSize - 12;
  line(`${ru("print.policy.number")} / ${ky("print.policy.number")}`, regular, 8, MUTED);
  line(policy.number, bold, 18);
  y -= 4;

  const identity: [string, string] = policy.holder.pin
    ? [`${ru("print.policy.pin")} / ${ky("print.policy.pin")}`, policy.holder.pin]
    : [`${ru("print.policy.document")} / ${ky("print.policy.document")}`, policy.holder.documentNumber ?? "—"];
  const rows: [string, string][] = [
    [`${ru("print.policy.holder")} / ${ky("print.policy.holder")}`, policy.holder.fullName],
    identity,
    [
      `${ru("print.policy.birthDate")} / ${ky("print.policy.birthDate")}`,
      policy.holder.birthDate ? numericDate(policy.holder.birthDate) : "—",
    ],
    [
      `${ru("print.policy.category")} / ${ky("print.policy.category")}`,
      `${ru(`rules.category.${policy.category}.name`)} / ${ky(`rules.category.${policy.category}.name`)}`,
    ],
    [`${ru("print.policy.validFrom")} / ${ky("print.policy.validFrom")}`, numericDate(policy.validFrom)],
    [`${ru("print.policy.validTo")} / ${ky("print.policy.validTo")}`, numericDate(policy.validTo)],
    [`${ru("print.policy.office")} / ${ky("print.policy.office")}`, `${policy.office.ru} / ${policy.office.ky}`],
    [`${ru("print.policy.issuedOn")} / ${ky("print.policy.issuedOn")}`, numericDate(policy.madeOn)],
  ];
  const labelWidth = 150;
  for (const [label, value] of rows) {
    // Rows beside the QR code are narrower; below it they may use the whole width.
    const rowRight = y > qrTop - qrSize - 30 ? textRight : right;
    const labelLines = wrap(label, regular, 7.5, labelWidth - 8);
    const valueLines = wrap(value, bold, 10, rowRight - left - labelWidth);
    const top = y;
    labelLines.forEach((l, i) =>
      page.drawText(l, { x: left, y: top - 9 - i * 9, size: 7.5, font: regular, color: MUTED }),
    );
    valueLines.forEach((l, i) =>
      page.drawText(l, { x: left + labelWidth, y: top - 10 - i * 12, size: 10, font: bold, color: INK }),
    );
    y = top - Math.max(labelLines.length * 9, valueLines.length * 12) - 6;
  }
  if (options.reprintOn) {
    const r = numericDate(options.reprintOn);
    page.drawText(`${ru("print.policy.reprint", { date: r })} / ${ky("print.policy.reprint", { date: r })}`, {
      x: left,
      y: A5_HEIGHT + 26,
      size: 7,
      font: regular,
      color: MUTED,
    });
  }
  return doc.save();
}

/** Corner marks of the A5 form and a dashed cut line across the sheet's middle. */
function drawCutMarks(page: PDFPage, font: PDFFont, label: string) {
  const y = A5_HEIGHT;
  const inset = 18;
  const mark = 10;
  page.drawLine({
    start: { x: inset, y },
    end: { x: A4.width - inset, y },
    thickness: 0.5,
    color: MUTED,
    dashArray: [4, 3],
  });
  for (const x of [inset, A4.width - inset]) {
    for (const yy of [A4.height - inset, y + 8]) {
      page.drawLine({
        start: { x: x - mark / 2, y: yy },
        end: { x: x + mark / 2, y: yy },
        thickness: 0.5,
        color: MUTED,
      });
      page.drawLine({ start: { x, y: yy - mark / 2 }, end: { x, y: yy + mark / 2 }, thickness: 0.5, color: MUTED });
    }
  }
  page.drawText(label, { x: inset + 8, y: y - 10, size: 6.5, font, color: MUTED });
}
