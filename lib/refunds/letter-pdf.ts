import "server-only";
import { rgb, type PDFFont } from "pdf-lib";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import { A4, createPdf, plain, wrap } from "@/lib/pdf/document";
import type { RefundCaseView } from "./view-models";

// The ТУ's letter to the Fund's Budget Planning Department (cl. 32–33) as a PDF, in Russian or Kyrgyz, on the
// portal's common PDF pieces (lib/pdf: pdf-lib with the embedded DejaVu font for Ң, Ө, Ү, line wrapping).

export type RefundLetter = RefundCaseView & {
  office: { nameRu: string; nameKy: string; addressRu: string; addressKy: string } | null;
};

export async function buildRefundLetterPdf(letter: RefundLetter, locale: Locale): Promise<Uint8Array> {
  const t = translatorFor(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { ...LONG_DATE, timeZone: "Asia/Bishkek" });
  const day = (d: string) => plain(dateFormat.format(dayToInstant(d)));
  const { doc, regular, bold } = await createPdf({
    title: `${t("refunds.letter.subject")} — ${letter.outgoingNumber ?? letter.number}`,
    language: locale,
    creator: t("common.fundName"),
  });

  let page = doc.addPage([A4.width, A4.height]);
  const margin = 56;
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;
  const ink = rgb(0.04, 0.05, 0.05);
  const text = (s: string, font: PDFFont, size: number, gap = 6) => {
    for (const line of wrap(s, font, size, width)) {
      if (y - size < margin) {
        page = doc.addPage([A4.width, A4.height]);
        y = page.getHeight() - margin;
      }
      y -= size;
      page.drawText(line, { x: margin, y, size, font, color: ink });
      y -= gap;
    }
  };

  const office = letter.office;
  text(t("common.fundName"), regular, 10);
  if (office) {
    text(locale === "ky" ? office.nameKy : office.nameRu, bold, 12, 2);
    text(locale === "ky" ? office.addressKy : office.addressRu, regular, 10, 10);
  }
  const sentDay = letter.sentAt ? plain(dateFormat.format(new Date(letter.sentAt))) : "";
  text(t("refunds.letter.outgoing", { number: letter.outgoingNumber ?? "", date: sentDay }), bold, 11, 14);
  text(t("refunds.letter.to"), regular, 11, 14);
  text(t("refunds.letter.subject"), bold, 14, 10);
  const relation = letter.claimantRelation ? t(dynamicKey(`rules.claimant.${letter.claimantRelation}`)) : "";
  text(
    t("refunds.letter.body", {
      amount: t("common.som", { amount: letter.amountSom }),
      paymentDay: letter.paymentDay ? day(letter.paymentDay) : "",
      policy: letter.policyNumber ?? "",
      holder: letter.holder,
      ground: t(`refunds.ground.${letter.ground}`),
      claimant: letter.claimantName ?? "",
      relation,
      claimDate: letter.claimDate ? day(letter.claimDate) : "",
    }),
    regular,
    11,
    8,
  );
  text(t("refunds.letter.bank", { bank: letter.bankName ?? "", account: letter.bankAccount ?? "" }), regular, 11, 12);
  text(t("refunds.letter.attachments"), bold, 11, 6);
  letter.documents.forEach((d, i) =>
    text(
      t("refunds.letter.attachment", {
        n: i + 1,
        name: t(dynamicKey(`rules.refundDocument.${d.code}`)),
        file: d.fileName,
        sha: d.sha256.slice(0, 16),
      }),
      regular,
      10,
      4,
    ),
  );
  y -= 24;
  text(t("refunds.letter.case", { number: letter.number }), regular, 9, 20);
  text(t("refunds.letter.signature"), regular, 11, 4);
  text("_______________________", regular, 11, 4);
  return doc.save();
}
