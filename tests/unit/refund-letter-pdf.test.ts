import { describe, expect, it } from "vitest";
import { buildRefundLetterPdf, type RefundLetter } from "@/lib/refunds/letter-pdf";
import { pdfText } from "../support/pdf-reader";

const letter = {
  number: "R-2026-000042",
  outgoingNumber: "07-15/42",
  sentAt: "2026-11-20T05:00:00.000Z",
  ground: "ALREADY_INSURED",
  amountSom: 1840,
  paymentDay: "2026-11-02",
  policyNumber: "E-2026-0000123",
  holder: "Асанова Айгерим Бакытбековна",
  claimantName: "Асанова Айгерим",
  claimantRelation: null,
  claimDate: "2026-11-18",
  bankName: "Оптима Банк",
  bankAccount: "1091234567890123",
  documents: [{ code: "CLAIM_APPLICATION", fileName: "заявление.pdf", sha256: "ab".repeat(32) }],
  office: {
    nameRu: "Бишкекское управление",
    nameKy: "Бишкек башкармалыгы",
    addressRu: "ул. Тыныстанова, 1",
    addressKy: "Тыныстанов көч., 1",
  },
} as unknown as RefundLetter;

describe("the refund letter PDF (cl. 32–33) on the portal's common PDF pieces", () => {
  it.each([
    ["ru", "Бишкекское управление"],
    ["ky", "Бишкек башкармалыгы"],
  ] as const)("%s: the office, the outgoing number, the case, the attachment", async (locale, office) => {
    const text = await pdfText(await buildRefundLetterPdf(letter, locale));
    for (const expected of [office, "07-15/42", "R-2026-000042", "E-2026-0000123", "заявление.pdf"]) {
      expect(text).toContain(expected);
    }
  });
});
