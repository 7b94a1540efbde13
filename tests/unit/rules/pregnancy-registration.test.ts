import { describe, expect, it } from "vitest";
import {
  decideFollowOnPolicy,
  decidePregnancyRegistration,
  isSamePregnancy,
  PREGNANCY_REGISTRATION_CODE,
  type Category,
  type CoverageInput,
  type PregnancyRegistrationInput,
} from "@/lib/rules";

const NONE: CoverageInput = { policies: [], external: [] };
const TODAY = "2026-03-20";

const input = (over: Partial<PregnancyRegistrationInput> = {}): PregnancyRegistrationInput => ({
  baseCategory: "CITIZEN",
  sex: "FEMALE",
  marriedToCitizen: false,
  hasIdentityDocument: true,
  registrationDay: TODAY,
  today: TODAY,
  coverage: NONE,
  ...over,
});

const policy = (validFrom: string, validTo: string): CoverageInput => ({
  policies: [{ number: "E-2026-0000001", status: "ISSUED", validFrom, validTo }],
  external: [],
});

describe("pregnancy registration by a family doctor (cl. 24–28)", () => {
  it("cl. 26: records the woman with code 040", () => {
    expect(PREGNANCY_REGISTRATION_CODE).toBe("040");
  });

  const eligible: { clause: string; base: Category; over?: Partial<PregnancyRegistrationInput> }[] = [
    { clause: "cl. 24: a citizen of the KR", base: "CITIZEN" },
    { clause: "cl. 24: a family member of an EAEU worker legally working in the KR", base: "EAEU_FAMILY" },
    { clause: "cl. 24: a kairylman", base: "KAIRYLMAN" },
    {
      clause: "cl. 24: a foreign citizen married to a citizen of the KR",
      base: "FOREIGNER",
      over: { marriedToCitizen: true, isStateless: false },
    },
  ];
  it.each(eligible)("$clause, uninsured → a free 12-month policy from the registration day", ({ base, over }) => {
    expect(decidePregnancyRegistration(input({ baseCategory: base, ...over }))).toEqual({
      kind: "ISSUE_POLICY",
      priceSom: 0,
      termMonths: 12,
      validFrom: TODAY,
      validTo: "2027-03-19",
    });
  });

  it("cl. 26: registered ten days ago → the policy runs from the registration day, not from today (no 5-day delay)", () => {
    const d = decidePregnancyRegistration(input({ registrationDay: "2026-03-10" }));
    expect(d).toMatchObject({ kind: "ISSUE_POLICY", validFrom: "2026-03-10", validTo: "2027-03-09" });
  });

  const refused: { clause: string; over: Partial<PregnancyRegistrationInput>; codes: string[] }[] = [
    { clause: "cl. 24: a man's PIN", over: { sex: "MALE" }, codes: ["PREGNANCY_WRONG_SEX"] },
    {
      clause: "cl. 24: a stateless woman",
      over: { baseCategory: "FOREIGNER", marriedToCitizen: true, isStateless: true },
      codes: ["PREGNANCY_STATELESS"],
    },
    { clause: "cl. 24: a refugee", over: { baseCategory: "REFUGEE" }, codes: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"] },
    {
      clause: "cl. 24: an asylum seeker",
      over: { baseCategory: "ASYLUM_SEEKER" },
      codes: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24: a foreign student",
      over: { baseCategory: "FOREIGN_STUDENT" },
      codes: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24: a compatriot",
      over: { baseCategory: "COMPATRIOT" },
      codes: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24: a foreign citizen not married to a citizen",
      over: { baseCategory: "FOREIGNER", marriedToCitizen: false, isStateless: false },
      codes: ["PREGNANCY_NOT_MARRIED_TO_CITIZEN"],
    },
    {
      clause: "I30: a registration dated tomorrow",
      over: { registrationDay: "2026-03-21" },
      codes: ["REGISTRATION_DATE_IN_FUTURE"],
    },
    { clause: "I30: 31 days back", over: { registrationDay: "2026-02-17" }, codes: ["REGISTRATION_DATE_TOO_OLD"] },
    {
      clause: "cl. 24 and I30 together: every reason at once, the category first",
      over: { sex: "MALE", registrationDay: "2026-04-01" },
      codes: ["PREGNANCY_WRONG_SEX", "REGISTRATION_DATE_IN_FUTURE"],
    },
    {
      clause: "an insured man is still refused (the insurance does not hide the refusal)",
      over: { sex: "MALE", coverage: policy("2026-01-01", "2026-12-31") },
      codes: ["PREGNANCY_WRONG_SEX"],
    },
  ];
  it.each(refused)("$clause → refused", ({ over, codes }) => {
    const d = decidePregnancyRegistration(input(over));
    expect(d.kind).toBe("REFUSED");
    expect(d.kind === "REFUSED" && d.refusals.map((r) => r.code)).toEqual(codes);
  });

  it("I30: exactly 30 days back is still accepted", () => {
    expect(decidePregnancyRegistration(input({ registrationDay: "2026-02-18" })).kind).toBe("ISSUE_POLICY");
  });

  const insured: { clause: string; coverage: CoverageInput; until: string; source: string; follows: string | null }[] =
    [
      {
        clause: "cl. 24: her own policy runs past the pregnancy → recorded, no policy, nothing follows",
        coverage: policy("2026-01-01", "2026-12-31"),
        until: "2026-12-31",
        source: "policy",
        follows: null,
      },
      {
        clause: "cl. 24, I31: her policy ends during the pregnancy → the free policy follows from the next day",
        coverage: policy("2025-06-01", "2026-05-31"),
        until: "2026-05-31",
        source: "policy",
        follows: "2026-06-01",
      },
      {
        clause: "cl. 24: insured through employment until mid-year → recorded, the free policy follows",
        coverage: {
          policies: [],
          external: [{ validFrom: "2026-01-01", validTo: "2026-06-30", source: "EMPLOYMENT" }],
        },
        until: "2026-06-30",
        source: "external",
        follows: "2026-07-01",
      },
    ];
  it.each(insured)("$clause", ({ coverage, until, source, follows }) => {
    expect(decidePregnancyRegistration(input({ coverage }))).toEqual({
      kind: "ALREADY_INSURED",
      insuredUntil: until,
      source,
      followsOn: follows,
    });
  });

  it("I31: registrations 280 days apart are one pregnancy, 281 days apart two", () => {
    expect(isSamePregnancy("2026-01-01", "2026-10-08")).toBe(true);
    expect(isSamePregnancy("2026-01-01", "2026-10-09")).toBe(false);
    expect(isSamePregnancy("2026-10-08", "2026-01-01")).toBe(true);
  });

  const REGISTERED = "2026-03-20"; // pregnancy (I31) lasts through 2026-12-25
  const followOn: { clause: string; today: string; coverage: CoverageInput; expected: object }[] = [
    {
      clause: "I32: her policy ends during the pregnancy → the free policy from the next day, 12 months",
      today: "2026-05-10",
      coverage: policy("2025-06-01", "2026-05-31"),
      expected: { kind: "ISSUE_POLICY", priceSom: 0, termMonths: 12, validFrom: "2026-06-01", validTo: "2027-05-31" },
    },
    {
      clause: "I32: a policy she bought since continues it → the free one follows the later end",
      today: "2026-05-10",
      coverage: {
        policies: [
          { number: "E-1", status: "ISSUED", validFrom: "2025-06-01", validTo: "2026-05-31" },
          { number: "E-2", status: "ISSUED", validFrom: "2026-06-01", validTo: "2026-08-31" },
        ],
        external: [],
      },
      expected: { kind: "ISSUE_POLICY", priceSom: 0, termMonths: 12, validFrom: "2026-09-01", validTo: "2027-08-31" },
    },
    {
      clause: "I32: coverage ended two weeks ago → from today, never backwards",
      today: "2026-06-14",
      coverage: policy("2025-06-01", "2026-05-31"),
      expected: { kind: "ISSUE_POLICY", priceSom: 0, termMonths: 12, validFrom: "2026-06-14", validTo: "2027-06-13" },
    },
    {
      clause: "I32: coverage now lasts the whole pregnancy → not needed",
      today: "2026-05-10",
      coverage: policy("2026-01-01", "2026-12-31"),
      expected: { kind: "NOT_NEEDED", insuredUntil: "2026-12-31" },
    },
    {
      clause: "I31: the last day of the pregnancy still counts",
      today: "2026-12-25",
      coverage: NONE,
      expected: { kind: "ISSUE_POLICY", priceSom: 0, termMonths: 12, validFrom: "2026-12-25", validTo: "2027-12-24" },
    },
    {
      clause: "I31: more than 280 days after registration → the pregnancy is over",
      today: "2026-12-26",
      coverage: NONE,
      expected: { kind: "PREGNANCY_OVER" },
    },
  ];
  it.each(followOn)("$clause", ({ today, coverage, expected }) => {
    expect(decideFollowOnPolicy({ registrationDay: REGISTERED, today, coverage })).toEqual(expected);
  });
});
