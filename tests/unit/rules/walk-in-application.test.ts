import { describe, expect, it } from "vitest";
import ky from "@/lib/i18n/messages/ky/rules.json";
import ru from "@/lib/i18n/messages/ru/rules.json";
import {
  TARIFFS_FROM_2024_02_01 as T,
  decideWalkInApplication,
  personFieldsFor,
  requiredDocuments,
  type CoverageInput,
  type WalkInApplicationInput,
} from "@/lib/rules";

const NONE: CoverageInput = { policies: [], external: [] };
const TODAY = "2025-06-02";
const docs = (category: Parameters<typeof requiredDocuments>[0]) => requiredDocuments(category).map((d) => d.code);

const input = (over: Partial<WalkInApplicationInput> = {}): WalkInApplicationInput => ({
  category: "CITIZEN",
  termMonths: 12,
  person: { category: "CITIZEN", birthDate: "1990-03-10", sex: "MALE" },
  ticked: docs("CITIZEN"),
  payment: { hasIssuedPolicy: true },
  coverage: NONE,
  tariffs: T,
  today: TODAY,
  ...over,
});

const refusalCodes = (d: ReturnType<typeof decideWalkInApplication>) =>
  d.kind === "REFUSED" ? d.refusals.map((r) => r.code) : [];

describe("walk-in application at a ТУ (cl. 9–12)", () => {
  it("cl. 10, 14: a paid citizen with the documents ticked and a payment gets the payment's policy", () => {
    expect(decideWalkInApplication(input())).toEqual({ kind: "LINK_PAID_POLICY" });
  });

  it.each([
    {
      clause: "cl. 9",
      why: "a citizen under 16 — the state covers children",
      over: { person: { category: "CITIZEN" as const, birthDate: "2012-01-01", sex: "MALE" as const } },
      codes: ["CITIZEN_UNDER_16"],
    },
    { clause: "cl. 9", why: "no identity document ticked", over: { ticked: [] }, codes: ["NO_IDENTITY_DOCUMENT"] },
    { clause: "cl. 9", why: "no payment", over: { payment: null }, codes: ["NO_PAYMENT"] },
    {
      clause: "cl. 9",
      why: "a payment that produced no policy (refunded)",
      over: { payment: { hasIssuedPolicy: false } },
      codes: ["NO_PAYMENT"],
    },
    {
      clause: "cl. 10",
      why: "an EAEU family member without the Social Fund certificate",
      over: {
        category: "EAEU_FAMILY" as const,
        person: { category: "EAEU_FAMILY" as const, birthDate: "1990-01-01", sex: "FEMALE" as const },
        ticked: docs("EAEU_FAMILY").filter((c) => c !== "SOCIAL_FUND_CERTIFICATE"),
      },
      codes: ["DOCUMENTS_MISSING"],
    },
    {
      clause: "cl. 24",
      why: "the pregnancy policy is the family doctor's",
      over: { category: "PREGNANT" as const, ticked: [] },
      codes: ["PREGNANCY_VIA_DOCTOR"],
    },
  ])("$clause: refused — $why", ({ over, codes }) => {
    expect(refusalCodes(decideWalkInApplication(input(over)))).toEqual(codes);
  });

  it("cl. 10: the missing checklist items are listed", () => {
    const d = decideWalkInApplication(input({ category: "FOREIGNER", termMonths: 6, ticked: ["FOREIGN_PASSPORT"] }));
    expect(d).toMatchObject({ kind: "REFUSED", missingDocuments: ["KG_PIN"] });
  });

  it("cl. 12.2: insured by a running policy and no payment — no need to buy, until when", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "E-2025-1", status: "ISSUED", validFrom: "2025-01-01", validTo: "2025-12-31" }],
      external: [],
    };
    const d = decideWalkInApplication(input({ payment: null, coverage }));
    expect(refusalCodes(d)).toEqual(["ALREADY_INSURED", "NO_PAYMENT"]);
    expect(d).toMatchObject({ insuredUntil: "2025-12-31" });
  });

  it("cl. 12.2, 19: insured another way — no need to buy, until when", () => {
    const coverage: CoverageInput = {
      policies: [],
      external: [{ validFrom: "2025-01-01", validTo: "2025-09-30", source: "EMPLOYMENT" }],
    };
    const d = decideWalkInApplication(input({ payment: null, coverage }));
    expect(refusalCodes(d)).toContain("INSURED_ELSEWHERE");
    expect(d).toMatchObject({ insuredUntil: "2025-09-30" });
  });

  it("with a linked payment the payment day's coverage rules are not re-applied", () => {
    const coverage: CoverageInput = {
      policies: [],
      external: [{ validFrom: "2025-06-01", validTo: "2025-09-30", source: "EMPLOYMENT" }],
    };
    expect(decideWalkInApplication(input({ coverage }))).toEqual({ kind: "LINK_PAID_POLICY" });
  });

  it("cl. 11: an EAEU worker's child under 16 with the documents gets the free policy from the issue day", () => {
    const d = decideWalkInApplication(
      input({
        category: "EAEU_CHILD",
        person: { category: "EAEU_CHILD", birthDate: "2015-05-05", sex: "FEMALE" },
        ticked: docs("EAEU_CHILD"),
        payment: null,
      }),
    );
    expect(d).toEqual({
      kind: "ISSUE_FREE",
      category: "EAEU_CHILD",
      termMonths: 12,
      validFrom: TODAY,
      validTo: "2026-06-01",
    });
  });

  it.each([
    {
      why: "a citizen's child",
      category: "CITIZEN" as const,
      birthDate: "2015-05-05",
      code: "EAEU_CHILD_NOT_EAEU_FAMILY",
    },
    { why: "aged 16", category: "EAEU_CHILD" as const, birthDate: "2009-01-01", code: "EAEU_CHILD_TOO_OLD" },
    { why: "no birth date on record", category: "EAEU_CHILD" as const, birthDate: null, code: "INVALID_BIRTH_DATE" },
  ])("cl. 11: the free child's policy is refused — $why", ({ category, birthDate, code }) => {
    const d = decideWalkInApplication(
      input({
        category: "EAEU_CHILD",
        person: { category, birthDate, sex: null },
        ticked: docs("EAEU_CHILD"),
        payment: null,
      }),
    );
    expect(refusalCodes(d)).toContain(code);
  });

  it("cl. 11, 12.2: an EAEU child with a running policy needs none now", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "E-2025-2", status: "ISSUED", validFrom: "2025-01-01", validTo: "2025-12-31" }],
      external: [],
    };
    const d = decideWalkInApplication(
      input({
        category: "EAEU_CHILD",
        person: { category: "EAEU_CHILD", birthDate: "2015-05-05", sex: "FEMALE" },
        ticked: docs("EAEU_CHILD"),
        payment: null,
        coverage,
      }),
    );
    expect(refusalCodes(d)).toEqual(["ALREADY_INSURED"]);
    expect(d).toMatchObject({ insuredUntil: "2025-12-31" });
  });

  it("the new refusals have texts in both languages", () => {
    for (const code of ["NO_PAYMENT", "DOCUMENTS_MISSING"] as const) {
      expect(ru.refusal[code]).toBeTruthy();
      expect(ky.refusal[code]).toBeTruthy();
    }
  });
});

describe("what a clerk records for a person (cl. 9, 10; SPEC §8)", () => {
  it.each([
    { category: "CITIZEN" as const, pinRequired: true, asksCitizenship: false },
    { category: "FOREIGNER" as const, pinRequired: true, asksCitizenship: true },
    { category: "EAEU_CHILD" as const, pinRequired: true, asksCitizenship: true },
    { category: "COMPATRIOT" as const, pinRequired: false, asksCitizenship: true },
    { category: "PREGNANT" as const, pinRequired: false, asksCitizenship: true },
  ])("$category: PIN required $pinRequired, citizenship asked $asksCitizenship", (row) => {
    const fields = personFieldsFor(row.category);
    expect(fields.pinRequired).toBe(row.pinRequired);
    expect(fields.asksCitizenship).toBe(row.asksCitizenship);
    expect(fields.documentTypes.length).toBeGreaterThan(0);
  });
});
