import { describe, expect, it } from "vitest";
import ky from "@/lib/i18n/messages/ky/rules.json";
import ru from "@/lib/i18n/messages/ru/rules.json";
import {
  CATEGORIES,
  PREGNANCY_BASE_CATEGORIES,
  TARIFFS_FROM_2024_02_01 as T,
  checkEaeuChildEligibility,
  checkPregnancyEligibility,
  checkPurchaseEligibility,
  statelessFromRecord,
  type Category,
  type CoverageInput,
  type PurchaseEligibilityInput,
  type Sex,
} from "@/lib/rules";

const NONE: CoverageInput = { policies: [], external: [] };
const ON = "2024-06-01";
const ADULT = "1990-03-10";

const base = (over: Partial<PurchaseEligibilityInput> = {}): PurchaseEligibilityInput => ({
  category: "CITIZEN",
  birthDate: ADULT,
  sex: "MALE",
  hasIdentityDocument: true,
  on: ON,
  coverage: NONE,
  tariffs: T,
  ...over,
});

const codes = (r: { ok: true } | { ok: false; refusals: { code: string }[] }) =>
  r.ok ? [] : r.refusals.map((x) => x.code);

describe("purchase eligibility (cl. 3, 4, 9, 11, 12.2, 19)", () => {
  it("cl. 9: a citizen under 16 is refused, and told that children are covered by the state", () => {
    const result = checkPurchaseEligibility(base({ birthDate: "2010-01-01" }));
    expect(result).toEqual({ ok: false, refusals: [{ code: "CITIZEN_UNDER_16", clause: "cl. 9" }] });
    expect(ru.refusal.CITIZEN_UNDER_16).toMatch(/государств/);
    expect(ru.refusal.CITIZEN_UNDER_16).toMatch(/не нужен/);
    expect(ky.refusal.CITIZEN_UNDER_16).toMatch(/мамлекет/);
  });

  it.each([
    {
      clause: "cl. 9",
      category: "CITIZEN",
      birthDate: "2008-06-02",
      refused: ["CITIZEN_UNDER_16"],
      why: "turns 16 tomorrow",
    },
    { clause: "cl. 9", category: "CITIZEN", birthDate: "2008-06-01", refused: [], why: "turns 16 today" },
    {
      clause: "cl. 9 (citizens only)",
      category: "FOREIGNER",
      birthDate: "2015-01-01",
      refused: [],
      why: "a foreign child may buy",
    },
    { clause: "cl. 11", category: "EAEU_CHILD", birthDate: "2015-01-01", refused: [], why: "EAEU child under 16" },
    {
      clause: "cl. 11",
      category: "EAEU_CHILD",
      birthDate: "2008-06-01",
      refused: ["EAEU_CHILD_TOO_OLD"],
      why: "EAEU child of 16",
    },
    {
      clause: "cl. 11",
      category: "EAEU_FAMILY",
      birthDate: "2015-01-01",
      refused: ["EAEU_FAMILY_CHILD_FREE"],
      why: "family member under 16",
    },
    { clause: "cl. 11", category: "EAEU_FAMILY", birthDate: "2008-06-01", refused: [], why: "family member of 16" },
    {
      clause: "SPEC §8",
      category: "CITIZEN",
      birthDate: "2024-06-02",
      refused: ["INVALID_BIRTH_DATE"],
      why: "born tomorrow",
    },
    {
      clause: "SPEC §8",
      category: "CITIZEN",
      birthDate: "1990-02-30",
      refused: ["INVALID_BIRTH_DATE"],
      why: "no such day",
    },
    { clause: "cl. 24–26", category: "PREGNANT", birthDate: ADULT, refused: ["PREGNANCY_VIA_DOCTOR"], why: "not sold" },
  ] as { clause: string; category: Category; birthDate: string; refused: string[]; why: string }[])(
    "$clause: $category born $birthDate → $refused ($why)",
    ({ category, birthDate, refused }) => {
      expect(codes(checkPurchaseEligibility(base({ category, birthDate })))).toEqual(refused);
    },
  );

  it("cl. 9: no identity document", () => {
    expect(checkPurchaseEligibility(base({ hasIdentityDocument: false }))).toEqual({
      ok: false,
      refusals: [{ code: "NO_IDENTITY_DOCUMENT", clause: "cl. 9" }],
    });
  });

  it('cl. 12.2, 19: insured another way — "no need to buy"', () => {
    const coverage: CoverageInput = {
      policies: [],
      external: [{ validFrom: "2024-01-01", validTo: "2024-12-31", source: "EMPLOYMENT" }],
    };
    expect(checkPurchaseEligibility(base({ coverage }))).toEqual({
      ok: false,
      refusals: [{ code: "INSURED_ELSEWHERE", clause: "cl. 12.2, 19" }],
    });
    expect(ru.refusal.INSURED_ELSEWHERE).toMatch(/не нужно/);
  });

  it("SPEC §3: own running policy → renewal allowed", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "P-1", status: "ISSUED", validFrom: "2023-07-01", validTo: "2024-06-30" }],
      external: [],
    };
    expect(checkPurchaseEligibility(base({ coverage, termMonths: 12 }))).toMatchObject({
      ok: true,
      isRenewal: true,
      currentPolicyEnd: "2024-06-30",
      quote: { priceSom: 1840, termMonths: 12 },
    });
  });

  it("SPEC §3, cl. 5: a paid policy not yet in force — already paid, one next policy at a time", () => {
    const pending: CoverageInput = {
      policies: [{ number: "P-1", status: "ISSUED", validFrom: "2024-06-04", validTo: "2025-06-03" }],
      external: [],
    };
    expect(codes(checkPurchaseEligibility(base({ coverage: pending })))).toEqual(["POLICY_ALREADY_PAID"]);
    const renewed: CoverageInput = {
      policies: [
        ...pending.policies,
        { number: "P-0", status: "ISSUED", validFrom: "2023-06-04", validTo: "2024-06-03" },
      ],
      external: [],
    };
    expect(codes(checkPurchaseEligibility(base({ coverage: renewed })))).toEqual(["POLICY_ALREADY_PAID"]);
  });

  it.each([
    { clause: "cost 1.1–1.3", on: "2024-01-31", termMonths: 12, refused: ["NO_TARIFF"] },
    { clause: "cl. 4", on: ON, termMonths: 6, refused: ["TERM_NOT_ALLOWED"] },
    { clause: "cl. 4", on: ON, termMonths: 12, refused: [] },
  ])("$clause: a citizen on $on for $termMonths months → $refused", ({ on, termMonths, refused }) => {
    expect(codes(checkPurchaseEligibility(base({ on, termMonths })))).toEqual(refused);
  });

  it("cl. 4, cost 1.2: without a term, the answer lists the terms on sale and no quote", () => {
    expect(checkPurchaseEligibility(base({ category: "FOREIGNER" }))).toEqual({
      ok: true,
      category: "FOREIGNER",
      isFree: false,
      allowedTerms: [6, 12],
      isRenewal: false,
      currentPolicyEnd: null,
      quote: null,
    });
  });

  it("cl. 11: the EAEU child under 16 gets the policy free — price 0 by rule", () => {
    const result = checkPurchaseEligibility(base({ category: "EAEU_CHILD", birthDate: "2015-01-01", termMonths: 12 }));
    expect(result).toMatchObject({ ok: true, isFree: true, allowedTerms: [12], quote: { priceSom: 0, tariff: null } });
  });

  it("cl. 9, 12.2, cost: every applicable refusal is reported at once, in a stable order", () => {
    const coverage: CoverageInput = { policies: [], external: [{ validFrom: "2024-01-01", validTo: "2024-12-31" }] };
    const result = checkPurchaseEligibility(
      base({ birthDate: "2012-01-01", hasIdentityDocument: false, coverage, on: "2024-01-15", termMonths: 12 }),
    );
    expect(codes(result)).toEqual(["CITIZEN_UNDER_16", "NO_IDENTITY_DOCUMENT", "INSURED_ELSEWHERE", "NO_TARIFF"]);
  });

  it.each(CATEGORIES.filter((c) => c !== "PREGNANT"))(
    "cl. 4: an adult %s can get a policy on 2024-02-01",
    (category) => {
      const birthDate = category === "EAEU_CHILD" ? "2015-01-01" : ADULT;
      expect(checkPurchaseEligibility(base({ category, birthDate, on: "2024-02-01", termMonths: 12 })).ok).toBe(true);
    },
  );
});

describe("pregnancy policy (cl. 24–27)", () => {
  const preg = (over: Partial<Parameters<typeof checkPregnancyEligibility>[0]> = {}) =>
    checkPregnancyEligibility({
      baseCategory: "CITIZEN",
      sex: "FEMALE",
      marriedToCitizen: false,
      hasIdentityDocument: true,
      registrationDay: "2024-05-20",
      coverage: NONE,
      ...over,
    });

  it("cl. 26: effective on the registration day (no 5-day delay), free, 12 months", () => {
    expect(preg()).toEqual({
      ok: true,
      category: "PREGNANT",
      priceSom: 0,
      termMonths: 12,
      validFrom: "2024-05-20",
      validTo: "2025-05-19",
      basis: expect.objectContaining({ ru: expect.stringContaining("п. 24") }),
    });
  });

  // cl. 24, exactly as it lists them: a KR citizen; a family member of an EAEU worker legally working in the KR; a
  // kairylman; a foreign citizen married to a KR citizen. Every category, eligible and refused (SPEC §5, corrected).
  type PregCase = {
    clause: string;
    baseCategory: Category;
    married: boolean;
    isStateless?: boolean;
    refused: string[];
  };
  const PREGNANCY_TABLE: PregCase[] = [
    { clause: "cl. 24 (citizen of the KR)", baseCategory: "CITIZEN", married: false, refused: [] },
    { clause: "cl. 24 (citizen of the KR)", baseCategory: "CITIZEN", married: true, refused: [] },
    { clause: "cl. 24 (EAEU worker's family member)", baseCategory: "EAEU_FAMILY", married: false, refused: [] },
    { clause: "cl. 24 (kairylman)", baseCategory: "KAIRYLMAN", married: false, refused: [] },
    {
      clause: "cl. 24 (foreign citizen married to a citizen)",
      baseCategory: "FOREIGNER",
      married: true,
      isStateless: false,
      refused: [],
    },
    {
      clause: "cl. 24 (a foreign citizen, not married to a citizen)",
      baseCategory: "FOREIGNER",
      married: false,
      isStateless: false,
      refused: ["PREGNANCY_NOT_MARRIED_TO_CITIZEN"],
    },
    {
      clause: "cl. 24 (stateless, even married to a citizen)",
      baseCategory: "FOREIGNER",
      married: true,
      isStateless: true,
      refused: ["PREGNANCY_STATELESS"],
    },
    {
      clause: "cl. 24 (stateless, not married)",
      baseCategory: "FOREIGNER",
      married: false,
      isStateless: true,
      refused: ["PREGNANCY_STATELESS", "PREGNANCY_NOT_MARRIED_TO_CITIZEN"],
    },
    {
      clause: "cl. 24 (foreigner whose citizenship is not recorded)",
      baseCategory: "FOREIGNER",
      married: true,
      refused: ["PREGNANCY_CITIZENSHIP_UNKNOWN"],
    },
    {
      clause: "cl. 24 (refugee: not listed)",
      baseCategory: "REFUGEE",
      married: true,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24 (asylum seeker: not listed)",
      baseCategory: "ASYLUM_SEEKER",
      married: true,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24 (student: not listed)",
      baseCategory: "FOREIGN_STUDENT",
      married: true,
      isStateless: false,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24 (agreement student: not listed)",
      baseCategory: "FOREIGN_STUDENT_AGREEMENT",
      married: true,
      isStateless: false,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24 (compatriot: not listed)",
      baseCategory: "COMPATRIOT",
      married: true,
      isStateless: false,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24 (EAEU child: not listed)",
      baseCategory: "EAEU_CHILD",
      married: false,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
    {
      clause: "cl. 24 (PREGNANT is not a base category)",
      baseCategory: "PREGNANT",
      married: false,
      refused: ["PREGNANCY_CATEGORY_NOT_ELIGIBLE"],
    },
  ];

  it("cl. 24: the table covers every category", () => {
    expect([...new Set(PREGNANCY_TABLE.map((c) => c.baseCategory))].sort()).toEqual([...CATEGORIES].sort());
  });

  it.each(PREGNANCY_TABLE)(
    "$clause: base $baseCategory, married to a citizen $married, stateless $isStateless → $refused",
    ({ baseCategory, married, isStateless, refused }) => {
      const result = preg({
        baseCategory,
        marriedToCitizen: married,
        ...(isStateless === undefined ? {} : { isStateless }),
      });
      expect(codes(result)).toEqual(refused);
      if (!result.ok) for (const r of result.refusals) expect(r.clause).toBe("cl. 24");
    },
  );

  it.each(["CITIZEN", "EAEU_FAMILY", "KAIRYLMAN"] as Category[])(
    "cl. 24: isStateless does not matter for %s",
    (baseCategory) => {
      expect(codes(preg({ baseCategory, isStateless: true }))).toEqual([]);
    },
  );

  it.each([
    { clause: "cl. 24", record: { citizenship: "UZ", stateless: null }, isStateless: false, refused: [] },
    {
      clause: "cl. 24",
      record: { citizenship: null, stateless: true },
      isStateless: true,
      refused: ["PREGNANCY_STATELESS"],
    },
    { clause: "cl. 24", record: { citizenship: null, stateless: false }, isStateless: false, refused: [] },
    {
      clause: "cl. 24",
      record: { citizenship: null, stateless: null },
      isStateless: undefined,
      refused: ["PREGNANCY_CITIZENSHIP_UNKNOWN"],
    },
    {
      clause: "cl. 24",
      record: { citizenship: "uz" },
      isStateless: undefined,
      refused: ["PREGNANCY_CITIZENSHIP_UNKNOWN"],
    },
    { clause: "cl. 24", record: {}, isStateless: undefined, refused: ["PREGNANCY_CITIZENSHIP_UNKNOWN"] },
  ])(
    "$clause: a FOREIGNER recorded as $record → isStateless $isStateless → $refused",
    ({ record, isStateless, refused }) => {
      expect(statelessFromRecord(record)).toBe(isStateless);
      const flag = statelessFromRecord(record);
      expect(
        codes(
          preg({
            baseCategory: "FOREIGNER",
            marriedToCitizen: true,
            ...(flag === undefined ? {} : { isStateless: flag }),
          }),
        ),
      ).toEqual(refused);
    },
  );

  it("cl. 24: the listed base categories are exactly those", () => {
    expect([...PREGNANCY_BASE_CATEGORIES].sort()).toEqual(["CITIZEN", "EAEU_FAMILY", "KAIRYLMAN", "FOREIGNER"].sort());
  });

  it("cl. 24: every pregnancy refusal has a Russian and a Kyrgyz text", () => {
    for (const code of [
      "PREGNANCY_CATEGORY_NOT_ELIGIBLE",
      "PREGNANCY_STATELESS",
      "PREGNANCY_CITIZENSHIP_UNKNOWN",
      "PREGNANCY_NOT_MARRIED_TO_CITIZEN",
    ] as const) {
      expect(ru.refusal[code]).toEqual(expect.any(String));
      expect(ky.refusal[code]).toEqual(expect.any(String));
    }
    expect(ru.refusal.PREGNANCY_STATELESS).toMatch(/без гражданства/);
    expect(ky.refusal.PREGNANCY_STATELESS).toMatch(/[Жж]арандыгы жок/);
  });

  it.each([{ clause: "cl. 24", sex: "MALE" as Sex, refused: ["PREGNANCY_WRONG_SEX"] }])(
    "$clause: wrong sex for a pregnancy registration",
    ({ sex, refused }) => {
      expect(codes(preg({ sex }))).toEqual(refused);
    },
  );

  it.each([
    {
      clause: "cl. 24 (insured another way)",
      coverage: { policies: [], external: [{ validFrom: "2024-01-01", validTo: "2024-12-31" }] },
      refused: ["INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 24 (own running policy)",
      coverage: {
        policies: [{ number: "P", status: "ISSUED", validFrom: "2024-01-01", validTo: "2024-12-31" }],
        external: [],
      },
      refused: ["ALREADY_INSURED"],
    },
    {
      clause: "cl. 24 (a refunded policy does not insure)",
      coverage: {
        policies: [{ number: "P", status: "REFUNDED", validFrom: "2024-01-01", validTo: "2024-12-31" }],
        external: [],
      },
      refused: [],
    },
  ] as { clause: string; coverage: CoverageInput; refused: string[] }[])(
    "$clause → $refused",
    ({ coverage, refused }) => {
      expect(codes(preg({ coverage }))).toEqual(refused);
    },
  );

  it.each([
    { clause: "cl. 9", birthDate: "2010-01-01", refused: ["CITIZEN_UNDER_16"] },
    { clause: "SPEC §8", birthDate: "2025-01-01", refused: ["INVALID_BIRTH_DATE"] },
    { clause: "cl. 9", birthDate: "2000-01-01", refused: [] },
  ])("$clause: a citizen born $birthDate → $refused", ({ birthDate, refused }) => {
    expect(codes(preg({ birthDate }))).toEqual(refused);
  });

  it("cl. 9: a pregnant foreigner under 16 married to a citizen is not refused for age (cl. 9 speaks of citizens)", () => {
    expect(
      codes(preg({ baseCategory: "FOREIGNER", marriedToCitizen: true, isStateless: false, birthDate: "2009-01-01" })),
    ).toEqual([]);
  });

  it("cl. 9, 24: all refusals together; before order No. 226 there is no free-policy rule", () => {
    expect(
      codes(preg({ sex: "MALE", baseCategory: "REFUGEE", hasIdentityDocument: false, registrationDay: "2023-12-01" })),
    ).toEqual(["PREGNANCY_WRONG_SEX", "PREGNANCY_CATEGORY_NOT_ELIGIBLE", "NO_IDENTITY_DOCUMENT", "NO_TARIFF"]);
  });
});

describe("free policy for an EAEU worker's child under 16 (cl. 11; cl. 10 documents; interpretation I7)", () => {
  const ISSUE = "2024-06-01";
  const child = (over: Partial<Parameters<typeof checkEaeuChildEligibility>[0]> = {}) =>
    checkEaeuChildEligibility({
      baseCategory: "EAEU_CHILD",
      birthDate: "2015-01-01",
      sex: "FEMALE",
      hasIdentityDocument: true,
      issueDay: ISSUE,
      coverage: NONE,
      ...over,
    });

  it("cl. 11: free (0 som), 12 months, valid from the issue day (I7), on the cl. 10 documents", () => {
    expect(child()).toEqual({
      ok: true,
      category: "EAEU_CHILD",
      priceSom: 0,
      termMonths: 12,
      validFrom: "2024-06-01",
      validTo: "2025-05-31",
      isRenewal: false,
      basis: expect.objectContaining({ ru: expect.stringContaining("п. 11"), ky: expect.stringContaining("11-пункт") }),
      documents: [
        { code: "BIRTH_CERTIFICATE", clause: "cl. 10", isInterpretation: false },
        { code: "KG_PIN", clause: "cl. 10", isInterpretation: true },
        { code: "WORKER_EMPLOYMENT_CERTIFICATE", clause: "cl. 10, 11", isInterpretation: true },
        { code: "SOCIAL_FUND_CERTIFICATE", clause: "cl. 10, 11", isInterpretation: true },
      ],
    });
  });

  // Every category as the child's base category: only an EAEU worker's family qualifies.
  it.each(
    CATEGORIES.map((baseCategory) => ({
      clause: "cl. 11",
      baseCategory,
      refused: baseCategory === "EAEU_FAMILY" || baseCategory === "EAEU_CHILD" ? [] : ["EAEU_CHILD_NOT_EAEU_FAMILY"],
    })),
  )("$clause: a child of 9 in category $baseCategory → $refused", ({ baseCategory, refused }) => {
    const result = child({ baseCategory });
    expect(codes(result)).toEqual(refused);
    if (!result.ok) expect(result.refusals).toEqual([{ code: "EAEU_CHILD_NOT_EAEU_FAMILY", clause: "cl. 11" }]);
  });

  it.each([
    { clause: "cl. 11", birthDate: "2024-06-01", refused: [], why: "born on the issue day" },
    { clause: "cl. 11", birthDate: "2008-06-02", refused: [], why: "turns 16 tomorrow" },
    { clause: "cl. 11", birthDate: "2008-06-01", refused: ["EAEU_CHILD_TOO_OLD"], why: "turns 16 on the issue day" },
    { clause: "cl. 11", birthDate: "2007-01-01", refused: ["EAEU_CHILD_TOO_OLD"], why: "17" },
    {
      clause: "cl. 11; I13",
      birthDate: "2008-02-29",
      refused: ["EAEU_CHILD_TOO_OLD"],
      why: "born 29 Feb, 16 on 29 Feb 2024",
    },
    { clause: "SPEC §8", birthDate: "2024-06-02", refused: ["INVALID_BIRTH_DATE"], why: "born after the issue day" },
  ])("$clause: born $birthDate ($why) → $refused", ({ birthDate, refused }) => {
    expect(codes(child({ birthDate }))).toEqual(refused);
  });

  it.each([
    {
      clause: "cl. 11",
      baseCategory: "EAEU_FAMILY" as Category,
      birthDate: "2008-06-01",
      refused: ["EAEU_CHILD_TOO_OLD"],
    },
    {
      clause: "cl. 11",
      baseCategory: "FOREIGNER" as Category,
      birthDate: "2000-01-01",
      refused: ["EAEU_CHILD_NOT_EAEU_FAMILY", "EAEU_CHILD_TOO_OLD"],
    },
  ])(
    "$clause: $baseCategory born $birthDate → every refusal at once $refused",
    ({ baseCategory, birthDate, refused }) => {
      expect(codes(child({ baseCategory, birthDate }))).toEqual(refused);
    },
  );

  it.each([
    { clause: "cl. 9, 10", over: { hasIdentityDocument: false }, refused: ["NO_IDENTITY_DOCUMENT"] },
    {
      clause: "cl. 12.2",
      over: { coverage: { policies: [], external: [{ validFrom: "2024-01-01", validTo: "2024-12-31" }] } },
      refused: ["INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 11 (before order No. 226)",
      over: { issueDay: "2023-12-27", birthDate: "2015-01-01" },
      refused: ["NO_TARIFF"],
    },
  ] as { clause: string; over: Partial<Parameters<typeof checkEaeuChildEligibility>[0]>; refused: string[] }[])(
    "$clause → $refused",
    ({ over, refused }) => {
      expect(codes(child(over))).toEqual(refused);
    },
  );

  it("cl. 11, I7: a child whose policy is running gets the next one from the day after it ends", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "P-1", status: "ISSUED", validFrom: "2023-07-01", validTo: "2024-06-30" }],
      external: [],
    };
    expect(child({ coverage })).toMatchObject({
      ok: true,
      isRenewal: true,
      priceSom: 0,
      validFrom: "2024-07-01",
      validTo: "2025-06-30",
    });
  });

  it("cl. 11: the refusal texts exist in Russian and Kyrgyz", () => {
    expect(ru.refusal.EAEU_CHILD_NOT_EAEU_FAMILY).toMatch(/ЕАЭС/);
    expect(ky.refusal.EAEU_CHILD_NOT_EAEU_FAMILY).toMatch(/ЕАЭБ/);
    expect(ru.refusal.EAEU_CHILD_TOO_OLD).toMatch(/16/);
    expect(ky.refusal.EAEU_CHILD_TOO_OLD).toMatch(/16/);
  });
});
