import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EDUCATION_AGREEMENT_STATES } from "@/prisma/reference-data";
import {
  TARIFFS_FROM_2024_02_01 as T,
  classifyStudentPayment,
  findEducationAgreement,
  isCountryCode,
  studentCategoryForState,
  validateEducationAgreements,
  type EducationAgreementStateRow,
} from "@/lib/rules";

// cl. 4 note, cl. 7: students from a state with an intergovernmental agreement pay the citizens' price. The list of
// states is data the Fund keeps (SPEC §2); the rules get it as an argument.
const KZ: EducationAgreementStateRow = {
  code: "KZ",
  nameRu: "Республика Казахстан",
  nameKy: "Казакстан Республикасы",
  effectiveFrom: "2024-02-01",
  effectiveTo: null,
  legalBasisRu: "соглашение",
  legalBasisKy: "макулдашуу",
};
const ENDED: EducationAgreementStateRow = { ...KZ, code: "TJ", effectiveFrom: "2024-02-01", effectiveTo: "2024-08-31" };
const LIST = [KZ, ENDED];

describe("students from a state with an agreement (cl. 4 note, cl. 7; SPEC §2)", () => {
  it.each([
    { clause: "cl. 4 note, cl. 7", state: "KZ", on: "2024-06-01", category: "FOREIGN_STUDENT_AGREEMENT" },
    { clause: "cl. 4 note, cl. 7", state: "kz", on: "2024-06-01", category: "FOREIGN_STUDENT_AGREEMENT" },
    { clause: "cl. 4 note, cl. 7", state: "KZ", on: "2024-02-01", category: "FOREIGN_STUDENT_AGREEMENT" },
    { clause: "cl. 7 (before the agreement)", state: "KZ", on: "2024-01-31", category: "FOREIGN_STUDENT" },
    {
      clause: "cl. 4 note (last day of the agreement)",
      state: "TJ",
      on: "2024-08-31",
      category: "FOREIGN_STUDENT_AGREEMENT",
    },
    { clause: "cl. 7 (agreement ended)", state: "TJ", on: "2024-09-01", category: "FOREIGN_STUDENT" },
    { clause: "cl. 7 (no agreement)", state: "RU", on: "2024-06-01", category: "FOREIGN_STUDENT" },
    { clause: "cl. 7 (stateless student)", state: null, on: "2024-06-01", category: "FOREIGN_STUDENT" },
    { clause: "cl. 7 (not an alpha-2 code)", state: "KAZ", on: "2024-06-01", category: "FOREIGN_STUDENT" },
    { clause: "cl. 7 (not an alpha-2 code)", state: "", on: "2024-06-01", category: "FOREIGN_STUDENT" },
  ])("$clause: a citizen of $state on $on → $category", ({ state, on, category }) => {
    expect(studentCategoryForState(state, on, LIST)).toBe(category);
  });

  it("cl. 7: with an empty list every student is FOREIGN_STUDENT", () => {
    expect(studentCategoryForState("KZ", "2024-06-01", [])).toBe("FOREIGN_STUDENT");
  });

  it("cl. 4 note: the agreement found carries its legal basis; malformed rows are ignored", () => {
    expect(findEducationAgreement(LIST, "KZ", "2024-06-01")).toEqual(KZ);
    const malformed = [
      { ...KZ, code: "kz" },
      { ...KZ, code: "UZ", effectiveFrom: "2024-02-30" },
      { ...KZ, code: "AM", effectiveTo: "2024-01-01" },
    ];
    expect(findEducationAgreement(malformed, "KZ", "2024-06-01")).toBeNull();
    expect(findEducationAgreement(malformed, "UZ", "2024-06-01")).toBeNull();
    expect(findEducationAgreement(malformed, "AM", "2024-06-01")).toBeNull();
  });

  it.each([
    { clause: "SPEC §2", rows: LIST, problems: [] },
    { clause: "SPEC §2", rows: [KZ, { ...KZ }], problems: [{ index: 1, problem: "DUPLICATE_CODE" }] },
    { clause: "SPEC §2", rows: [{ ...KZ, code: "KAZ" }], problems: [{ index: 0, problem: "UNUSABLE_ROW" }] },
    { clause: "SPEC §2", rows: [{ ...KZ, nameKy: " " }], problems: [{ index: 0, problem: "UNUSABLE_ROW" }] },
    {
      clause: "SPEC §2",
      rows: [{ ...KZ, effectiveTo: "2023-01-01" }],
      problems: [{ index: 0, problem: "UNUSABLE_ROW" }],
    },
  ])("$clause: validateEducationAgreements → $problems", ({ rows, problems }) => {
    expect(validateEducationAgreements(rows)).toEqual(problems);
  });

  it.each([
    { clause: "SPEC §2", s: "KG", ok: true },
    { clause: "SPEC §2", s: "kg", ok: false },
    { clause: "SPEC §2", s: "KGZ", ok: false },
    { clause: "SPEC §2", s: null, ok: false },
  ])("$clause: isCountryCode($s) = $ok", ({ s, ok }) => {
    expect(isCountryCode(s)).toBe(ok);
  });

  it("cl. 4 note, cl. 7: the category decides the price — 920 + 920 for an agreement student, 5955 + 5955 otherwise", () => {
    const pay = (state: string, amountSom: number) =>
      classifyStudentPayment({
        category: studentCategoryForState(state, "2024-06-01", LIST),
        amountSom,
        paidAt: new Date("2024-06-01T10:00:00+06:00"),
        tariffs: T,
        unfinishedPolicy: null,
      });
    expect(pay("KZ", 920)).toMatchObject({ ok: true, stage: "FIRST_INSTALMENT", totalSom: 1840 });
    expect(pay("DE", 5955)).toMatchObject({ ok: true, stage: "FIRST_INSTALMENT", totalSom: 11910 });
    expect(pay("DE", 920)).toMatchObject({ ok: false, refusals: [{ code: "STUDENT_PAYMENT_WRONG_AMOUNT" }] });
  });
});

describe("the seeded list (prisma/reference-data.ts) and the Prisma model", () => {
  it("SPEC §2: the illustrative seed list is valid and says it is illustrative", () => {
    expect(EDUCATION_AGREEMENT_STATES.length).toBeGreaterThan(0);
    expect(validateEducationAgreements(EDUCATION_AGREEMENT_STATES)).toEqual([]);
    for (const row of EDUCATION_AGREEMENT_STATES) {
      expect(row.legalBasisRu).toMatch(/Пример/);
      expect(row.legalBasisKy).toMatch(/мисал/);
    }
  });

  const schema = readFileSync(fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url)), "utf8");
  const models = [...schema.matchAll(/model (\w+) \{([^}]*)\}/g)];
  const modelBody = (name: string) => models.find((m) => m[1] === name)?.[2] ?? "";

  it("SPEC §2: EducationAgreementState has the fields of EducationAgreementStateRow, code unique", () => {
    const body = modelBody("EducationAgreementState");
    for (const field of Object.keys(KZ)) expect(body).toMatch(new RegExp(`^\\s+${field}\\s`, "m"));
    expect(body).toMatch(/^\s+code\s+String\s+@unique @db\.Char\(2\)/m);
    expect(body).toMatch(/^\s+effectiveTo\s+DateTime\? @db\.Date/m);
  });

  it("cl. 24: Person records whether a person is stateless (nullable: not recorded)", () => {
    const body = modelBody("Person");
    expect(body).toMatch(/^\s+stateless\s+Boolean\?/m);
    expect(body).toMatch(/^\s+citizenship\s+String\?\s+@db\.Char\(2\)/m);
  });
});
