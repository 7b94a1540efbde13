import { describe, expect, it } from "vitest";
import {
  TARIFFS_FROM_2024_02_01 as T,
  planSecondInstalment,
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
    { clause: "cl. 4 note, cost 1.3", category: "FOREIGN_STUDENT" as const, on: "2024-02-01", result: { ok: true, totalSom: 11910, firstSom: 5955 } },
    { clause: "cl. 4 note, cl. 7", category: "FOREIGN_STUDENT_AGREEMENT" as const, on: "2024-02-01", result: { ok: true, totalSom: 1840 } },
    { clause: "cl. 4 note", category: "FOREIGNER" as const, on: "2024-02-01", result: { ok: false, reason: "INSTALMENTS_NOT_ALLOWED" } },
    { clause: "cost order", category: "FOREIGN_STUDENT" as const, on: "2024-01-31", result: { ok: false, reason: "NO_TARIFF" } },
  ])("$clause: $category on $on", ({ category, on, result }) => {
    expect(studentInstalments(T, category, on)).toMatchObject(result);
  });

  it("SPEC §2: the first instalment gives 6 months from payment + 5; both give 12 from the same start", () => {
    expect(studentPolicyPeriods("2023-08-26", null)).toEqual({
      validFrom: "2023-08-31",
      firstStageValidTo: "2024-02-28",
      fullValidTo: "2024-08-30",
      secondInstalmentDueBy: "2024-02-28",
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
      planSecondInstalment({ policy: { ...afterFirst, validTo: "2025-03-14", paidSom: 11910 }, paidAt: new Date("2024-06-01T10:00:00Z") }),
    ).toMatchObject({ ok: false, refusals: [{ code: "ALREADY_PAID_IN_FULL" }] });
  });
});
