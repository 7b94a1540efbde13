import { describe, expect, it } from "vitest";
import { buildPolicyPdf } from "@/lib/policies/paper/policy-pdf";
import type { PaperPolicyView } from "@/lib/policies/paper/view-models";
import { pdfQrCodes, pdfText } from "../support/pdf-reader";

const policy: PaperPolicyView = {
  id: "00000000-0000-0000-0000-000000000001",
  number: "E-2026-0000123",
  category: "CITIZEN",
  status: "ISSUED",
  validFrom: "2026-03-15",
  validTo: "2027-03-14",
  madeOn: "2026-03-10",
  holder: {
    fullName: "Асанова Айгерим Бакытбековна",
    pin: "11505199000017",
    documentType: "KG_ID_CARD",
    documentNumber: "ID1234567",
    birthDate: "1990-05-15",
  },
  office: { ru: "Бишкекское управление", ky: "Бишкек башкармалыгы" },
};

describe("the paper policy PDF (issue 12): A5 on A4, ru and ky, a QR code to the verification page", () => {
  it("prints the number, holder, PIN, dates and office in both languages, and a QR code with the URL", async () => {
    const url = "http://127.0.0.1:3103/ru/verify/E-2026-0000123/abcdefghijklmnop";
    const bytes = await buildPolicyPdf(policy, { verifyUrl: url });
    const text = await pdfText(bytes);
    for (const expected of [
      "E-2026-0000123",
      "Асанова Айгерим Бакытбековна",
      "11505199000017",
      "15.05.1990",
      "15.03.2026",
      "14.03.2027",
      "10.03.2026",
      "Полис обязательного медицинского страхования",
      "Милдеттүү медициналык камсыздандыруунун полиси",
      "Бишкекское управление / Бишкек башкармалыгы",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Повторная печать");
    expect(await pdfQrCodes(bytes)).toEqual([url]);
  });

  it("marks a re-print, and prints a document number for a foreigner without a PIN", async () => {
    const bytes = await buildPolicyPdf(
      { ...policy, holder: { ...policy.holder, pin: null, documentNumber: "AB1234567" } },
      { verifyUrl: "http://x/ru/verify/E-2026-0000123/abcdefghijklmnop", reprintOn: "2026-12-01" },
    );
    const text = await pdfText(bytes);
    expect(text).toContain("AB1234567");
    expect(text).toContain("Повторная печать 01.12.2026");
  });
});
