import "server-only";
import { rgb, type PDFFont } from "pdf-lib";
import { A4, createPdf, plain, wrap } from "@/lib/pdf/document";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import type { PaidReceipt } from "./receipt";

// The receipt as a PDF (cl. 22: the payer keeps it until the status shows insured), built with lib/pdf.

export async function buildReceiptPdf(r: PaidReceipt, locale: Locale, generatedAt: Date): Promise<Uint8Array> {
  const t = translatorFor(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { ...LONG_DATE, timeZone: "Asia/Bishkek" });
  const day = (d: string) => plain(dateFormat.format(dayToInstant(d)));
  const { doc, regular, bold } = await createPdf({
    title: `${t("buy.receipt.title")} ${r.policyNumber}`,
    language: locale,
    creator: t("common.fundName"),
  });

  const page = doc.addPage([A4.width, A4.height]);
  const margin = 56;
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;
  const ink = rgb(0.04, 0.05, 0.05);
  const text = (s: string, font: PDFFont, size: number, gap = 6) => {
    for (const line of wrap(plain(s), font, size, width)) {
      y -= size;
      page.drawText(line, { x: margin, y, size, font, color: ink });
      y -= gap;
    }
  };

  text(t("common.fundName"), regular, 11);
  text(t("buy.receipt.title"), bold, 18, 14);
  text(t("buy.order.numberLabel"), regular, 11, 4);
  text(r.policyNumber, bold, 22, 16);

  const identity =
    r.identity.kind === "PIN"
      ? [t("buy.check.pin"), r.identity.pin]
      : [
          t("buy.order.documentLabel"),
          `${t(`rules.document.${r.identity.documentType as "FOREIGN_PASSPORT"}`)}, ${r.identity.documentNumber}`,
        ];
  const rows: [string, string][] = [
    [t("buy.order.holder"), r.holder],
    [identity[0]!, identity[1]!],
    [t("buy.order.category"), t(`rules.category.${r.category}.name`)],
    [t("buy.order.term"), t("rules.term.months", { count: r.termMonths })],
    [t("buy.order.price"), t("common.som", { amount: r.amountSom })],
    [t("buy.order.paymentDay"), day(r.paymentDay)],
    [t("buy.order.validFrom"), day(r.validFrom)],
    [t("buy.order.validTo"), day(r.validTo)],
    [t("buy.order.reference"), r.reference],
  ];
  const labelWidth = 170;
  for (const [label, value] of rows) {
    const valueLines = wrap(plain(value), bold, 11, width - labelWidth);
    y -= 11;
    page.drawText(plain(label), { x: margin, y, size: 11, font: regular, color: ink });
    valueLines.forEach((line, i) => {
      if (i > 0) y -= 15;
      page.drawText(line, { x: margin + labelWidth, y, size: 11, font: bold, color: ink });
    });
    y -= 9;
  }
  y -= 10;
  const values = { paid: day(r.paymentDay), from: day(r.validFrom), to: day(r.validTo) };
  text(t("buy.order.fiveDaysTitle"), bold, 13, 6);
  text(r.isRenewal ? t("buy.order.renewalText", values) : t("buy.order.fiveDaysText", values), regular, 11, 12);
  text(t("buy.order.status"), regular, 11, 12);
  y -= 10;
  text(t("buy.receipt.basis"), regular, 9, 4);
  text(
    t("buy.receipt.generated", {
      date: plain(
        new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Bishkek" }).format(
          generatedAt,
        ),
      ),
    }),
    regular,
    9,
    4,
  );
  return doc.save();
}
