import { describe, expect, it } from "vitest";
import {
  REFUSAL_CLAUSES,
  TARIFFS_FROM_2024_02_01 as T,
  classifyStudentPayment,
  planSecondInstalment,
  studentFirstStageEnd,
  type ClassifyStudentPaymentInput,
  type TariffRow,
  splitStudentPrice,
  studentInstalments,
  studentPolicyPeriods,
} from "@/lib/rules";

describe("foreign students' two-stage payment (cl. 4 note; SPEC §2 interpretation)", () => {
  it.each([
    { clause: "SPEC §2", total: 11910, first: 5955, second: 5955 },
    { clause: "SPEC §2", total: 1840, first: 920, second: 920 },
    { clause: "SPEC §2 (odd total: extra som first)", total: 1841, first: 921, second: 920 },
  ])("$clause: $total → $first + $second", ({ total, first, second }) => {
    expect(splitStudentPrice(total)).toEqual({ totalSom: total, firstSom: first, secondSom: second });
  });

  it.each([0, -1, 10.5])("SPEC §2: price %s is a programming error", (total) => {
    expect(() => splitStudentPrice(total)).toThrow(RangeError);
  });

  it.each([
    {
      clause: "cl. 4 note, cost 1.3",
      category: "FOREIGN_STUDENT" as const,
      on: "2024-02-01",
      result: { ok: true, totalSom: 11910, firstSom: 5955 },
    },
    {
      clause: "cl. 4 note, cl. 7",
      category: "FOREIGN_STUDENT_AGREEMENT" as const,
      on: "2024-02-01",
      result: { ok: true, totalSom: 1840 },
    },
    {
      clause: "cl. 4 note",
      category: "FOREIGNER" as const,
      on: "2024-02-01",
      result: { ok: false, reason: "INSTALMENTS_NOT_ALLOWED" },
    },
    {
      clause: "cost order",
      category: "FOREIGN_STUDENT" as const,
      on: "2024-01-31",
      result: { ok: false, reason: "NO_TARIFF" },
    },
  ])("$clause: $category on $on", ({ category, on, result }) => {
    expect(studentInstalments(T, category, on)).toMatchObject(result);
  });

  it("SPEC §2: the first instalment gives 6 months from payment + 5; both give 12 from the same start", () => {
    expect(studentPolicyPeriods("2023-08-26", null)).toEqual({
      validFrom: "2023-08-31",
      firstStageValidTo: "2024-02-29",
      fullValidTo: "2024-08-30",
      secondInstalmentDueBy: "2024-02-29",
    });
    expect(studentPolicyPeriods("2024-03-01", "2024-04-30").validFrom).toBe("2024-05-01");
  });

  const afterFirst = { validFrom: "2024-03-15", validTo: "2024-09-14", priceSom: 11910, paidSom: 5955 };

  it.each([
    { clause: "SPEC §2", why: "paid inside the first 6 months", paidAt: "2024-06-01T10:00:00+06:00" },
    { clause: "SPEC §2", why: "paid on the last day of the first 6 months", paidAt: "2024-09-14T23:59:00+06:00" },
    { clause: "SPEC §2", why: "paid before the policy even started", paidAt: "2024-03-12T10:00:00+06:00" },
  ])("$clause: second instalment $why → 12 months from the same start", ({ paidAt }) => {
    expect(planSecondInstalment({ policy: afterFirst, paidAt: new Date(paidAt) })).toMatchObject({
      ok: true,
      amountSom: 5955,
      validFrom: "2024-03-15",
      validTo: "2025-03-14",
    });
  });

  it("SPEC §2: after the first 6 months end, the second instalment is refused (the policy has ended)", () => {
    expect(planSecondInstalment({ policy: afterFirst, paidAt: new Date("2024-09-14T18:00:00Z") })).toEqual({
      ok: false,
      paymentDay: "2024-09-15",
      refusals: [{ code: "SECOND_INSTALMENT_TOO_LATE", clause: "cl. 4 note; SPEC §2" }],
    });
  });

  it("SPEC §2: a policy paid in full takes no second instalment", () => {
    expect(
      planSecondInstalment({
        policy: { ...afterFirst, validTo: "2025-03-14", paidSom: 11910 },
        paidAt: new Date("2024-06-01T10:00:00Z"),
      }),
    ).toMatchObject({ ok: false, refusals: [{ code: "ALREADY_PAID_IN_FULL" }] });
  });

  it("SPEC §2: nothing paid yet — there is no first instalment to complete", () => {
    expect(
      planSecondInstalment({ policy: { ...afterFirst, paidSom: 0 }, paidAt: new Date("2024-06-01T10:00:00Z") }),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: "SECOND_INSTALMENT_WITHOUT_FIRST", clause: "cl. 4 note; SPEC §2" }],
    });
  });

  it("SPEC §2, §3: the first stage ends 6 months from the start, whatever validTo the caller passes", () => {
    expect(studentFirstStageEnd("2024-03-15")).toBe("2024-09-14");
    expect(studentFirstStageEnd("2024-08-31")).toBe("2025-02-28");
    const extendedByMistake = { ...afterFirst, validTo: "2025-03-14" };
    expect(
      planSecondInstalment({ policy: extendedByMistake, paidAt: new Date("2024-10-01T10:00:00+06:00") }),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: "SECOND_INSTALMENT_TOO_LATE" }],
    });
  });
});

// A payment channel's question (cl. 4 note; cost 1.1, 1.3; SPEC §2): full sum, first half, or second half?
describe("classifyStudentPayment: what a student's payment is (cl. 4 note; SPEC §2)", () => {
  const OPEN = { validFrom: "2024-03-15", validTo: "2024-09-14", priceSom: 11910, paidSom: 5955 };
  const OPEN_AGREEMENT = { validFrom: "2024-03-15", validTo: "2024-09-14", priceSom: 1840, paidSom: 920 };
  const at = (day: string, time = "10:00:00") => new Date(`${day}T${time}+06:00`);
  const input = (over: Partial<ClassifyStudentPaymentInput>): ClassifyStudentPaymentInput => ({
    category: "FOREIGN_STUDENT",
    amountSom: 11910,
    paidAt: at("2024-03-10"),
    tariffs: T,
    unfinishedPolicy: null,
    ...over,
  });

  type Case = {
    clause: string;
    why: string;
    over: Partial<ClassifyStudentPaymentInput>;
    stage?: string;
    refused?: string;
    expect?: Record<string, unknown>;
  };
  const CASES: Case[] = [
    // the sum decides (terminals)
    {
      clause: "cost 1.3",
      why: "the full 11910 with nothing open",
      over: {},
      stage: "FULL",
      expect: { amountSom: 11910, totalSom: 11910 },
    },
    {
      clause: "cl. 4 note; SPEC §2",
      why: "half of 11910 with nothing open is a first half",
      over: { amountSom: 5955 },
      stage: "FIRST_INSTALMENT",
      expect: { amountSom: 5955, totalSom: 11910, secondSom: 5955 },
    },
    {
      clause: "cl. 4 note, cl. 7",
      why: "agreement student: the full 1840",
      over: { category: "FOREIGN_STUDENT_AGREEMENT", amountSom: 1840 },
      stage: "FULL",
    },
    {
      clause: "cl. 4 note, cl. 7; SPEC §2",
      why: "agreement student: half of 1840 is 920",
      over: { category: "FOREIGN_STUDENT_AGREEMENT", amountSom: 920 },
      stage: "FIRST_INSTALMENT",
      expect: { totalSom: 1840, secondSom: 920 },
    },
    {
      clause: "SPEC §2",
      why: "5955 inside the first 6 months of an unfinished policy is its second half",
      over: { amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2024-06-01") },
      stage: "SECOND_INSTALMENT",
      expect: { amountSom: 5955, validFrom: "2024-03-15", validTo: "2025-03-14" },
    },
    {
      clause: "SPEC §2",
      why: "920 inside the first 6 months of an agreement student's policy",
      over: {
        category: "FOREIGN_STUDENT_AGREEMENT",
        amountSom: 920,
        unfinishedPolicy: OPEN_AGREEMENT,
        paidAt: at("2024-09-14", "23:59:00"),
      },
      stage: "SECOND_INSTALMENT",
      expect: { validTo: "2025-03-14" },
    },
    {
      clause: "SPEC §2",
      why: "the second half on the day after the first 6 months ended",
      over: { amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2024-09-15", "00:01:00") },
      refused: "SECOND_INSTALMENT_TOO_LATE",
      expect: { acceptedSums: [5955, 11910] },
    },
    {
      clause: "SPEC §2",
      why: "a half once the old policy's 12 months would have ended is a new first half",
      over: { amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2025-03-15") },
      stage: "FIRST_INSTALMENT",
    },
    {
      clause: "cost 1.3; SPEC §3",
      why: "the full sum while a first half is open buys a full policy (renewal decides its start)",
      over: { amountSom: 11910, unfinishedPolicy: OPEN, paidAt: at("2024-06-01") },
      stage: "FULL",
    },
    {
      clause: "SPEC §2",
      why: "a policy paid in full is not unfinished: a half is a new first half",
      over: {
        amountSom: 5955,
        unfinishedPolicy: { ...OPEN, validTo: "2025-03-14", paidSom: 11910 },
        paidAt: at("2024-06-01"),
      },
      stage: "FIRST_INSTALMENT",
    },
    {
      clause: "cl. 4 note; cost 1.3",
      why: "a sum that is neither",
      over: { amountSom: 6000 },
      refused: "STUDENT_PAYMENT_WRONG_AMOUNT",
      expect: { acceptedSums: [5955, 11910] },
    },
    {
      clause: "cl. 4 note; cost 1.3",
      why: "a wrong sum with an open policy",
      over: { amountSom: 5000, unfinishedPolicy: OPEN, paidAt: at("2024-06-01") },
      refused: "STUDENT_PAYMENT_WRONG_AMOUNT",
      expect: { acceptedSums: [5955, 11910] },
    },
    {
      clause: "cl. 4 note, cl. 7",
      why: "an agreement student paying the foreigners' half",
      over: { category: "FOREIGN_STUDENT_AGREEMENT", amountSom: 5955 },
      refused: "STUDENT_PAYMENT_WRONG_AMOUNT",
      expect: { acceptedSums: [920, 1840] },
    },
    {
      clause: "cl. 4 note",
      why: "not a student",
      over: { category: "FOREIGNER", amountSom: 5955 },
      refused: "INSTALMENTS_NOT_ALLOWED",
    },
    {
      clause: "cl. 4 note",
      why: "a compatriot is not a student",
      over: { category: "COMPATRIOT", amountSom: 11910 },
      refused: "INSTALMENTS_NOT_ALLOWED",
    },
    {
      clause: "cost 1.3",
      why: "before the tariff",
      over: { paidAt: at("2024-01-31"), amountSom: 5955 },
      refused: "NO_TARIFF",
    },
    // the payer says what it is (portal, ТУ)
    {
      clause: "cl. 4 note; SPEC §2",
      why: "declared second half, no first",
      over: { declaredStage: "SECOND_INSTALMENT", amountSom: 5955 },
      refused: "SECOND_INSTALMENT_WITHOUT_FIRST",
    },
    {
      clause: "cl. 4 note; SPEC §2",
      why: "declared second half of a policy with nothing paid",
      over: { declaredStage: "SECOND_INSTALMENT", amountSom: 5955, unfinishedPolicy: { ...OPEN, paidSom: 0 } },
      refused: "SECOND_INSTALMENT_WITHOUT_FIRST",
    },
    {
      clause: "cl. 4 note; SPEC §2",
      why: "declared second half of a policy paid in full",
      over: { declaredStage: "SECOND_INSTALMENT", amountSom: 5955, unfinishedPolicy: { ...OPEN, paidSom: 11910 } },
      refused: "ALREADY_PAID_IN_FULL",
    },
    {
      clause: "cl. 4 note; SPEC §2",
      why: "declared second half after the 6 months",
      over: { declaredStage: "SECOND_INSTALMENT", amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2025-06-01") },
      refused: "SECOND_INSTALMENT_TOO_LATE",
    },
    {
      clause: "cl. 4 note; cost 1.3",
      why: "declared second half, wrong sum",
      over: { declaredStage: "SECOND_INSTALMENT", amountSom: 11910, unfinishedPolicy: OPEN, paidAt: at("2024-06-01") },
      refused: "STUDENT_PAYMENT_WRONG_AMOUNT",
    },
    {
      clause: "SPEC §2",
      why: "declared second half, right sum",
      over: { declaredStage: "SECOND_INSTALMENT", amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2024-04-01") },
      stage: "SECOND_INSTALMENT",
    },
    {
      clause: "cl. 4 note; cost 1.3",
      why: "declared first half, full sum",
      over: { declaredStage: "FIRST_INSTALMENT", amountSom: 11910 },
      refused: "STUDENT_PAYMENT_WRONG_AMOUNT",
    },
    {
      clause: "cl. 4 note; cost 1.3",
      why: "declared full, half sum",
      over: { declaredStage: "FULL", amountSom: 5955 },
      refused: "STUDENT_PAYMENT_WRONG_AMOUNT",
    },
    {
      clause: "cost 1.3",
      why: "declared full before the tariff",
      over: { declaredStage: "FULL", paidAt: at("2024-01-31") },
      refused: "NO_TARIFF",
    },
    {
      clause: "cl. 4 note",
      why: "declared first half while one is open (eligibility then decides)",
      over: { declaredStage: "FIRST_INSTALMENT", amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2024-06-01") },
      stage: "FIRST_INSTALMENT",
    },
  ];

  it.each(CASES)("$clause: $why", ({ over, stage, refused, expect: extra }) => {
    const result = classifyStudentPayment(input(over));
    if (stage) expect(result).toMatchObject({ ok: true, stage, ...extra });
    else {
      expect(result).toMatchObject({
        ok: false,
        refusals: [{ code: refused, clause: REFUSAL_CLAUSES[refused as keyof typeof REFUSAL_CLAUSES] }],
        ...extra,
      });
    }
  });

  it("SPEC §2: the payment day is the Bishkek day of the instant", () => {
    expect(classifyStudentPayment(input({ paidAt: new Date("2024-03-09T20:00:00Z") })).paymentDay).toBe("2024-03-10");
  });

  const ODD: TariffRow[] = [{ ...T.find((r) => r.category === "FOREIGN_STUDENT")!, priceSom: 1841 }];
  it.each([
    { clause: "SPEC §2 (odd total: extra som first)", amountSom: 921, stage: "FIRST_INSTALMENT" },
    { clause: "SPEC §2 (odd total)", amountSom: 920, refused: "SECOND_INSTALMENT_WITHOUT_FIRST" },
  ])("$clause: $amountSom of 1841", ({ amountSom, stage, refused }) => {
    const result = classifyStudentPayment(input({ tariffs: ODD, amountSom }));
    expect(result).toMatchObject(stage ? { ok: true, stage } : { ok: false, refusals: [{ code: refused }] });
  });

  it("SPEC §2: the second half is what remains of the price fixed on the first payment day, even after a price change", () => {
    const base = T.find((r) => r.category === "FOREIGN_STUDENT")!;
    const changed: TariffRow[] = [
      { ...base, effectiveTo: "2024-05-31" },
      { ...base, priceSom: 13000, effectiveFrom: "2024-06-01" },
    ];
    expect(
      classifyStudentPayment(
        input({ tariffs: changed, amountSom: 5955, unfinishedPolicy: OPEN, paidAt: at("2024-07-01") }),
      ),
    ).toMatchObject({
      ok: true,
      stage: "SECOND_INSTALMENT",
    });
    expect(
      classifyStudentPayment(input({ tariffs: changed, amountSom: 6500, paidAt: at("2024-07-01") })),
    ).toMatchObject({
      ok: true,
      stage: "FIRST_INSTALMENT",
      totalSom: 13000,
    });
  });
});
