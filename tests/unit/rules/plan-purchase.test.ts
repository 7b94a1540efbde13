import { describe, expect, it } from "vitest";
import {
  TARIFFS_FROM_2024_02_01 as T,
  planPurchase,
  type CoverageInput,
  type PlanPurchaseInput,
  type PurchasePerson,
} from "@/lib/rules";

const NONE: CoverageInput = { policies: [], external: [] };
const CITIZEN: PurchasePerson = {
  category: "CITIZEN",
  birthDate: "1990-03-10",
  sex: "MALE",
  hasIdentityDocument: true,
};

const plan = (over: Partial<PlanPurchaseInput>) =>
  planPurchase({
    person: CITIZEN,
    termMonths: 12,
    paidAt: new Date("2024-03-10T09:00:00+06:00"),
    coverage: NONE,
    tariffs: T,
    ...over,
  });

describe("planPurchase — the one entry point for a sale (cl. 5, 9, 12.2; SPEC §3)", () => {
  it("cl. 5, SPEC §3: paid 10 March → effective 15 March → 12 months valid through 14 March next year", () => {
    expect(plan({})).toEqual({
      ok: true,
      category: "CITIZEN",
      priceSom: 1840,
      termMonths: 12,
      paymentDay: "2024-03-10",
      validFrom: "2024-03-15",
      validTo: "2025-03-14",
      tariff: T[0],
      basis: { ru: T[0]!.legalBasisRu, ky: T[0]!.legalBasisKy },
      isFree: false,
      isRenewal: false,
      instalments: null,
    });
  });

  it.each([
    {
      clause: "SPEC §3",
      paidAt: "2024-03-10T20:00:00Z",
      paymentDay: "2024-03-11",
      validFrom: "2024-03-16",
      validTo: "2025-03-15",
    },
    {
      clause: "SPEC §3",
      paidAt: "2024-03-10T17:59:59Z",
      paymentDay: "2024-03-10",
      validFrom: "2024-03-15",
      validTo: "2025-03-14",
    },
  ])(
    "$clause: a payment at $paidAt counts as Bishkek day $paymentDay",
    ({ paidAt, paymentDay, validFrom, validTo }) => {
      expect(plan({ paidAt: new Date(paidAt) })).toMatchObject({ ok: true, paymentDay, validFrom, validTo });
    },
  );

  it.each([
    { clause: "cost 1.2, cl. 4.2", term: 6, price: 5955, validTo: "2024-09-14" },
    { clause: "cost 1.2, cl. 4.2", term: 12, price: 11910, validTo: "2025-03-14" },
  ])("$clause: a foreigner for $term months pays $price", ({ term, price, validTo }) => {
    expect(plan({ person: { ...CITIZEN, category: "FOREIGNER" }, termMonths: term })).toMatchObject({
      ok: true,
      priceSom: price,
      validFrom: "2024-03-15",
      validTo,
    });
  });

  it("cost order: the day before the tariffs — refused with NO_TARIFF, no price", () => {
    expect(plan({ paidAt: new Date("2024-01-31T12:00:00+06:00") })).toEqual({
      ok: false,
      paymentDay: "2024-01-31",
      refusals: [{ code: "NO_TARIFF", clause: "cost 1.1–1.3" }],
    });
  });

  it("SPEC §3: renewal starts the day after the current policy ends", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "P-1", status: "ISSUED", validFrom: "2023-03-25", validTo: "2024-03-24" }],
      external: [],
    };
    expect(plan({ coverage })).toMatchObject({
      ok: true,
      isRenewal: true,
      validFrom: "2024-03-25",
      validTo: "2025-03-24",
    });
  });

  it("SPEC §3: a renewal whose current policy ends within 5 days starts on payment + 5", () => {
    const coverage: CoverageInput = {
      policies: [{ number: "P-1", status: "ISSUED", validFrom: "2023-03-12", validTo: "2024-03-11" }],
      external: [],
    };
    expect(plan({ coverage })).toMatchObject({
      ok: true,
      isRenewal: true,
      validFrom: "2024-03-15",
      validTo: "2025-03-14",
    });
  });

  it("cl. 9: an under-16 citizen is refused", () => {
    expect(plan({ person: { ...CITIZEN, birthDate: "2010-01-01" } })).toMatchObject({
      ok: false,
      refusals: [{ code: "CITIZEN_UNDER_16", clause: "cl. 9" }],
    });
  });

  it("cl. 12.2, 19: insured another way — nothing is sold", () => {
    const coverage: CoverageInput = { policies: [], external: [{ validFrom: "2024-01-01", validTo: "2024-12-31" }] };
    expect(plan({ coverage })).toMatchObject({ ok: false, refusals: [{ code: "INSURED_ELSEWHERE" }] });
  });

  it("cl. 4: a term not on sale is refused", () => {
    expect(plan({ termMonths: 6 })).toMatchObject({
      ok: false,
      refusals: [{ code: "TERM_NOT_ALLOWED", clause: "cl. 4" }],
    });
  });

  it("cl. 11: the EAEU child under 16 — free by rule, valid from the issue day (interpretation)", () => {
    const child: PurchasePerson = {
      category: "EAEU_CHILD",
      birthDate: "2015-01-01",
      sex: "FEMALE",
      hasIdentityDocument: true,
    };
    expect(plan({ person: child })).toEqual({
      ok: true,
      category: "EAEU_CHILD",
      priceSom: 0,
      termMonths: 12,
      paymentDay: "2024-03-10",
      validFrom: "2024-03-10",
      validTo: "2025-03-09",
      tariff: null,
      basis: expect.objectContaining({ ru: expect.stringContaining("п. 11") }),
      isFree: true,
      isRenewal: false,
      instalments: null,
    });
  });

  it("cl. 24–26: the pregnancy policy is never sold", () => {
    expect(plan({ person: { ...CITIZEN, category: "PREGNANT", sex: "FEMALE" } })).toMatchObject({
      ok: false,
      refusals: [{ code: "PREGNANCY_VIA_DOCTOR" }],
    });
  });

  it.each([
    { clause: "cl. 4 note, SPEC §2", category: "FOREIGN_STUDENT" as const, total: 11910, first: 5955, second: 5955 },
    {
      clause: "cl. 4 note, SPEC §2",
      category: "FOREIGN_STUDENT_AGREEMENT" as const,
      total: 1840,
      first: 920,
      second: 920,
    },
  ])(
    "$clause: $category pays the first of two instalments ($first of $total) for 6 months",
    ({ category, total, first, second }) => {
      expect(plan({ person: { ...CITIZEN, category }, payInInstalments: true })).toMatchObject({
        ok: true,
        priceSom: first,
        termMonths: 12,
        validFrom: "2024-03-15",
        validTo: "2024-09-14",
        instalments: {
          totalSom: total,
          firstSom: first,
          secondSom: second,
          secondInstalmentDueBy: "2024-09-14",
          fullValidTo: "2025-03-14",
        },
      });
    },
  );

  it("cl. 4 note: other categories cannot pay in instalments", () => {
    expect(plan({ payInInstalments: true })).toEqual({
      ok: false,
      paymentDay: "2024-03-10",
      refusals: [{ code: "INSTALMENTS_NOT_ALLOWED", clause: "cl. 4 note" }],
    });
  });

  it("SPEC §3: an invalid payment instant is a programming error", () => {
    expect(() => plan({ paidAt: new Date(Number.NaN) })).toThrow(RangeError);
  });
});
