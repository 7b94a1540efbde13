import { describe, expect, it } from "vitest";
import {
  CONTRACT_CATEGORIES,
  TARIFFS_FROM_2024_02_01 as T,
  checkContractPerson,
  planContractPurchase,
  contractPeriodsOverlap,
  isContractPeriod,
  isContractRegistrationNumber,
  readContractRow,
  type CoverageInput,
  type RawContractRow,
} from "@/lib/rules";

const TODAY = "2026-03-02";
const NONE: CoverageInput = { policies: [], external: [] };
// 2 = male, born 10.03.1990, serial 00001 (SPEC §8)
const ADULT_PIN = "21003199000001";
const raw = (over: Partial<RawContractRow> = {}): RawContractRow => ({
  lastName: " Асанов ",
  firstName: "Бакыт",
  patronymic: "",
  pin: ADULT_PIN,
  documentType: "",
  documentNumber: "an 1234567",
  category: "",
  termMonths: "",
  ...over,
});

describe("a row of a contract's list (cl. 9, 10, 29; SPEC §8)", () => {
  it("reads a citizen's row with the defaults: CITIZEN, the passport, 12 months; the PIN gives birth date and sex", () => {
    expect(readContractRow(raw(), TODAY)).toEqual({
      ok: true,
      row: {
        lastName: "Асанов",
        firstName: "Бакыт",
        patronymic: null,
        pin: ADULT_PIN,
        birthDate: "1990-03-10",
        sex: "MALE",
        documentType: "KG_PASSPORT",
        documentNumber: "AN1234567",
        category: "CITIZEN",
        termMonths: 12,
      },
    });
  });

  it.each([
    ["no surname", { lastName: " " }, "MISSING_NAME"],
    ["no first name", { firstName: "" }, "MISSING_NAME"],
    ["a name of 101 letters (a shifted column)", { patronymic: "А".repeat(101) }, "MISSING_NAME"],
    ["SPEC §8: 13 digits", { pin: "2100319900000" }, "PIN_MALFORMED"],
    ["SPEC §8: letters", { pin: "2100319900000A" }, "PIN_MALFORMED"],
    ["SPEC §8: sex digit 3", { pin: "31003199000001" }, "PIN_MALFORMED"],
    ["SPEC §8: 31 February", { pin: "23102199000001" }, "PIN_IMPOSSIBLE_DATE"],
    ["SPEC §8: born after today", { pin: "20101203000001" }, "PIN_IMPOSSIBLE_DATE"],
    ["I36: a student buys their own", { category: "FOREIGN_STUDENT" }, "CATEGORY_NOT_ALLOWED"],
    ["I36: a free category is not bought", { category: "PREGNANT" }, "CATEGORY_NOT_ALLOWED"],
    ["an unknown category", { category: "BOSS" }, "CATEGORY_NOT_ALLOWED"],
    ["cl. 10: a citizen with a foreign passport", { documentType: "FOREIGN_PASSPORT" }, "DOCUMENT_TYPE_NOT_ALLOWED"],
    ["an unknown document type", { documentType: "LICENCE" }, "DOCUMENT_TYPE_NOT_ALLOWED"],
    ["a document number without digits", { documentNumber: "ABCDEF" }, "DOCUMENT_NUMBER_MALFORMED"],
    ["a term in words", { termMonths: "twelve" }, "TERM_NOT_ALLOWED"],
  ] as const)("%s → %s", (_, over, reason) => {
    expect(readContractRow(raw(over), TODAY)).toEqual({ ok: false, reason });
  });

  it("takes a foreigner's category, document and term in any case", () => {
    const read = readContractRow(
      raw({ category: "foreigner", documentType: "residence_permit", termMonths: "6" }),
      TODAY,
    );
    expect(read).toMatchObject({
      ok: true,
      row: { category: "FOREIGNER", documentType: "RESIDENCE_PERMIT", termMonths: 6 },
    });
  });

  it("I36: lists the paid categories with a PIN and no student or free one", () => {
    expect(CONTRACT_CATEGORIES).not.toContain("FOREIGN_STUDENT");
    expect(CONTRACT_CATEGORIES).not.toContain("PREGNANT");
    expect(CONTRACT_CATEGORIES).toContain("CITIZEN");
  });
});

describe("may the person of a row get a policy (cl. 9, 11, 12.2, 19, 31)", () => {
  const row = (over: Partial<RawContractRow> = {}) => {
    const read = readContractRow(raw(over), TODAY);
    if (!read.ok) throw new Error(read.reason);
    return read.row;
  };
  const check = (r: ReturnType<typeof row>, coverage: CoverageInput = NONE) =>
    checkContractPerson(r, { on: TODAY, coverage, tariffs: T });

  it("cost 1.1: an adult citizen, 12 months at 1840 som", () => {
    expect(check(row())).toEqual({ ok: true, priceSom: 1840, termMonths: 12 });
  });

  it("cost 1.2: a foreigner for 6 months at 5955 som", () => {
    expect(check(row({ category: "FOREIGNER", documentType: "FOREIGN_PASSPORT", termMonths: "6" }))).toEqual({
      ok: true,
      priceSom: 5955,
      termMonths: 6,
    });
  });

  it("cl. 9: a citizen under 16 is covered by the state", () => {
    expect(check(row({ pin: "11506201500002" }))).toEqual({ ok: false, reason: "UNDER_16" });
  });

  it("cl. 11: an EAEU worker's child under 16 gets the free policy, not a bought one", () => {
    expect(check(row({ pin: "11506201500002", category: "EAEU_FAMILY", documentType: "EAEU_PASSPORT" }))).toEqual({
      ok: false,
      reason: "EAEU_CHILD_FREE",
    });
  });

  it.each([
    [
      "a running policy",
      { policies: [{ number: "E-1", status: "ISSUED", validFrom: "2026-01-01", validTo: "2026-12-31" }], external: [] },
    ],
    [
      "a paid policy not yet in force",
      { policies: [{ number: "E-2", status: "ISSUED", validFrom: "2026-03-05", validTo: "2027-03-04" }], external: [] },
    ],
    ["employment contributions", { policies: [], external: [{ validFrom: "2026-01-01", validTo: "2026-06-30" }] }],
  ] as const)("cl. 12.2, 19: insured by %s → ALREADY_INSURED", (_, coverage) => {
    expect(check(row(), coverage as CoverageInput)).toEqual({ ok: false, reason: "ALREADY_INSURED" });
  });

  it("a refunded policy covers nobody: the person may be listed", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "E-3", status: "REFUNDED", validFrom: "2026-01-01", validTo: "2026-12-31" }],
      external: [],
    };
    expect(check(row(), coverage)).toMatchObject({ ok: true });
  });

  it("cl. 4: a term not on sale for the category", () => {
    expect(check(row({ termMonths: "6" }))).toEqual({ ok: false, reason: "TERM_NOT_ALLOWED" });
  });

  it("cost 1.1: nothing in force before the tariffs → NO_TARIFF", () => {
    expect(checkContractPerson(row(), { on: "2023-01-10", coverage: NONE, tariffs: T })).toEqual({
      ok: false,
      reason: "NO_TARIFF",
    });
  });
});

describe("the sale for a row on the payment instant (cl. 5, 31)", () => {
  const read = readContractRow(raw(), TODAY);
  if (!read.ok) throw new Error(read.reason);
  // 10:00 in Bishkek on 2 March
  const paidAt = new Date("2026-03-02T04:00:00Z");

  it("cl. 5: paid 2 March → in force 7 March for 12 months, at the citizens' tariff", () => {
    const sale = planContractPurchase(read.row, { paidAt, coverage: NONE, tariffs: T });
    expect(sale).toMatchObject({
      ok: true,
      plan: { priceSom: 1840, termMonths: 12, validFrom: "2026-03-07", validTo: "2027-03-06", paymentDay: TODAY },
    });
  });

  it.each([
    ["cl. 9: a child", { pin: "11506201500002" }, NONE, "UNDER_16"],
    [
      "cl. 12.2: insured since the preview",
      {},
      { policies: [{ number: "E-9", status: "ISSUED", validFrom: "2026-03-01", validTo: "2027-02-28" }], external: [] },
      "ALREADY_INSURED",
    ],
    ["cl. 4: a term not on sale", { termMonths: "7" }, NONE, "TERM_NOT_ALLOWED"],
  ] as const)("%s → %s", (_, over, coverage, reason) => {
    const r = readContractRow(raw(over), TODAY);
    if (!r.ok) throw new Error(r.reason);
    expect(planContractPurchase(r.row, { paidAt, coverage: coverage as CoverageInput, tariffs: T })).toEqual({
      ok: false,
      reason,
    });
  });
});

describe("the contract itself (cl. 29; I36)", () => {
  it.each([
    ["02712200110054", true],
    ["12345678", true],
    ["21003199000001", true],
    ["32712200110054", false],
    ["0271220011005", false],
    ["1234567", false],
    ["0271 2200110054", false],
  ])("registration number %s → %s", (s, ok) => {
    expect(isContractRegistrationNumber(s)).toBe(ok);
  });

  it.each([
    ["2026-01-01", "2026-12-31", "2026-12-31", "2027-12-31", true],
    ["2026-01-01", "2026-06-30", "2026-07-01", "2026-12-31", false],
    ["2026-07-01", "2026-12-31", "2026-01-01", "2026-07-01", true],
  ])("periods %s–%s and %s–%s overlap: %s", (aFrom, aTo, bFrom, bTo, overlap) => {
    expect(contractPeriodsOverlap({ validFrom: aFrom, validTo: aTo }, { validFrom: bFrom, validTo: bTo })).toBe(
      overlap,
    );
  });

  it.each([
    ["2026-01-01", "2026-12-31", true],
    ["2026-01-01", "2026-01-01", true],
    ["2026-12-31", "2026-01-01", false],
    ["2026-02-30", "2026-12-31", false],
  ])("period %s–%s is a contract period: %s", (from, to, ok) => {
    expect(isContractPeriod(from, to)).toBe(ok);
  });
});
