import { describe, expect, it } from "vitest";
import { formatKgMobile, normalizeKgMobile } from "@/lib/people/phone";
import { ZDocumentStep, ZNameStep, ZPhoneStep, ZPinStep, BUY_DOCUMENT_TYPES } from "@/lib/orders/buy.schema";
import { openDraft, sealDraft, type BuyDraft } from "@/lib/orders/draft";
import { categoryChoices, firstMissingStep, guardStep, identityOf, previousStep } from "@/lib/orders/journey";
import { isValidSignature, signBody } from "@/lib/payments/acquirer/signing";

describe("mobile phone (cl. 20): Kyrgyz format +996 XXX XXX XXX", () => {
  it.each([
    ["+996 700 123 456", "+996700123456"],
    ["0700123456", "+996700123456"],
    ["700-12-34-56", "+996700123456"],
    ["996555123456", "+996555123456"],
    ["(0772) 12 34 56", "+996772123456"],
    ["+996 220 123 456", "+996220123456"],
  ])("accepts %s", (input, out) => expect(normalizeKgMobile(input)).toBe(out));

  it.each(["", "+996 312 123 456", "+7 700 123 45 67", "70012345", "+996 700 123 4567", "phone"])(
    "rejects %s",
    (input) => {
      expect(normalizeKgMobile(input)).toBeNull();
    },
  );

  it("formats for people", () => expect(formatKgMobile("+996700123456")).toBe("+996 700 123 456"));

  it("validates with translation keys", () => {
    expect(ZPhoneStep.safeParse({ locale: "ru", phone: "123" }).error?.issues[0]?.message).toBe(
      "buy.errors.phoneFormat",
    );
    expect(ZPhoneStep.safeParse({ locale: "ru", phone: "" }).error?.issues[0]?.message).toBe(
      "buy.errors.phoneRequired",
    );
    expect(ZPhoneStep.parse({ locale: "ky", phone: "0555 12 34 56" })).toEqual({
      locale: "ky",
      phone: "+996555123456",
    });
  });
});

describe("journey inputs", () => {
  it("checks the PIN with the rules' reasons (SPEC §8)", () => {
    expect(ZPinStep.parse({ locale: "ru", pin: " 2150 5198 5000 17 " }).pin).toBe("21505198500017");
    expect(ZPinStep.safeParse({ locale: "ru", pin: "123" }).error?.issues[0]?.message).toBe("rules.pinError.LENGTH");
    expect(ZPinStep.safeParse({ locale: "ru", pin: "" }).error?.issues[0]?.message).toBe("buy.errors.pinRequired");
  });

  it("normalizes a foreigner's document and refuses documents of citizens", () => {
    const ok = ZDocumentStep.parse({
      locale: "ru",
      documentType: "FOREIGN_PASSPORT",
      documentNumber: "ab 123-4567",
      birthDate: "1990-01-01",
      sex: "MALE",
    });
    expect(ok.documentNumber).toBe("AB1234567");
    expect(BUY_DOCUMENT_TYPES).toContain("FOREIGN_PASSPORT");
    expect(BUY_DOCUMENT_TYPES).not.toContain("KG_PASSPORT");
    const bad = ZDocumentStep.safeParse({
      locale: "ru",
      documentType: "KG_PASSPORT",
      documentNumber: "x",
      birthDate: "1990-02-30",
    });
    expect(bad.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual([
      "documentType:buy.errors.documentTypeRequired",
      "documentNumber:rules.documentNumberError.FORMAT",
      "birthDate:buy.errors.birthDateInvalid",
      "sex:buy.errors.sexRequired",
    ]);
  });

  it("takes names in Cyrillic or Latin letters, not digits", () => {
    expect(ZNameStep.parse({ locale: "ru", lastName: "  Сыдыков ", firstName: "Эрлан", patronymic: "" })).toMatchObject(
      { lastName: "Сыдыков", patronymic: "" },
    );
    expect(
      ZNameStep.parse({ locale: "ky", lastName: "O'Neil-Smith", firstName: "Үмүт", patronymic: "Бакир уулу" })
        .patronymic,
    ).toBe("Бакир уулу");
    expect(
      ZNameStep.safeParse({ locale: "ru", lastName: "R2D2", firstName: "" }).error?.issues.map((i) => i.message),
    ).toEqual(["buy.errors.nameLetters", "buy.errors.firstNameRequired"]);
  });
});

describe("the draft cookie: encrypted, authenticated, expiring", () => {
  const draft: BuyDraft = { idKind: "PIN", pin: "21505198500017", lastName: "Сыдыков", firstName: "Эрлан" };

  it("round-trips and hides the PIN", () => {
    const sealed = sealDraft(draft);
    expect(sealed).not.toContain("21505198500017");
    expect(Buffer.from(sealed.split(".")[2]!, "base64url").toString("utf8")).not.toContain("2150519850");
    expect(openDraft(sealed)).toEqual(draft);
  });

  it("is empty when altered, expired or missing", () => {
    const sealed = sealDraft(draft);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[2]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(openDraft([parts[0], parts[1], flipped.toString("base64url")].join("."))).toEqual({});
    expect(openDraft(sealDraft(draft, Date.now() - 3 * 60 * 60 * 1000))).toEqual({});
    expect(openDraft(undefined)).toEqual({});
    expect(openDraft("garbage")).toEqual({});
  });
});

describe("the journey's order of questions (STYLE §8)", () => {
  const full: BuyDraft = {
    idKind: "PIN",
    pin: "21505198500017",
    lastName: "С",
    firstName: "Э",
    phone: "+996700123456",
    category: "CITIZEN",
    termMonths: 12,
  };

  it("continues at the first unanswered question and never lets a page skip ahead", () => {
    expect(firstMissingStep({})).toBe("identify");
    expect(firstMissingStep({ idKind: "DOCUMENT" })).toBe("document");
    expect(firstMissingStep({ ...full, phone: undefined })).toBe("phone");
    expect(firstMissingStep(full)).toBe("check");
    expect(guardStep({ idKind: "PIN" }, "check")).toBe("pin");
    expect(guardStep({ idKind: "PIN" }, "document")).toBe("pin");
    expect(guardStep(full, "name")).toBeNull();
    expect(guardStep(full, "insured")).toBe("check");
    expect(firstMissingStep({ ...full, currentPolicyEnd: "2027-01-01" })).toBe("insured");
    expect(firstMissingStep({ ...full, currentPolicyEnd: "2027-01-01", renewalConfirmed: true })).toBe("check");
    expect(previousStep({ ...full, currentPolicyEnd: "2027-01-01" }, "name")).toBe("insured");
  });

  it("reads sex and birth date from the PIN (SPEC §8)", () => {
    expect(identityOf(full)).toMatchObject({ sex: "MALE", birthDate: "1985-05-15", pin: "21505198500017" });
    expect(
      identityOf({ idKind: "DOCUMENT", documentType: "FOREIGN_PASSPORT", documentNumber: "AB1234567" }),
    ).toBeNull();
  });

  it("never sells the free categories, and offers only foreign categories to a document holder", () => {
    expect(categoryChoices({ idKind: "PIN" })).not.toContain("PREGNANT");
    expect(categoryChoices({ idKind: "PIN" })).not.toContain("EAEU_CHILD");
    expect(categoryChoices({ idKind: "PIN" })).toContain("CITIZEN");
    expect(categoryChoices({ idKind: "DOCUMENT", documentType: "FOREIGN_PASSPORT" })).toEqual([
      "FOREIGNER",
      "FOREIGN_STUDENT",
      "FOREIGN_STUDENT_AGREEMENT",
      "COMPATRIOT",
    ]);
    expect(categoryChoices({ idKind: "DOCUMENT", documentType: "MEKEN_CARD" })).toEqual(["COMPATRIOT"]);
  });
});

describe("provider signatures: HMAC-SHA256 over the exact body", () => {
  it("accepts the right signature only", () => {
    const sig = signBody('{"a":1}', "s3cret");
    expect(isValidSignature('{"a":1}', sig, "s3cret")).toBe(true);
    expect(isValidSignature('{"a":1}', sig.toUpperCase(), "s3cret")).toBe(true);
    expect(isValidSignature('{"a":2}', sig, "s3cret")).toBe(false);
    expect(isValidSignature('{"a":1}', sig, "other")).toBe(false);
    expect(isValidSignature('{"a":1}', null, "s3cret")).toBe(false);
    expect(isValidSignature('{"a":1}', "zz", "s3cret")).toBe(false);
  });
});
