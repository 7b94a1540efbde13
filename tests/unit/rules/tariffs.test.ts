import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  FREE_POLICY_RULES,
  TARIFFS_FROM_2024_02_01,
  allowedTerms,
  findTariff,
  isUsableTariffRow,
  quotePrice,
  tariffsInForce,
  validateTariffRows,
  type Category,
  type TariffRow,
} from "@/lib/rules";

const T = TARIFFS_FROM_2024_02_01;

// Every category: its terms and prices from 1 Feb 2024 (order on cost 1.1–1.3; order No. 226 cl. 4, 7, 11, 24).
const PRICE_LIST: {
  clause: string;
  category: Category;
  terms: number[];
  prices: Record<number, number>;
  free: boolean;
}[] = [
  { clause: "cost 1.1, cl. 4.1", category: "CITIZEN", terms: [12], prices: { 12: 1840 }, free: false },
  { clause: "cost 1.1, cl. 4.1", category: "EAEU_FAMILY", terms: [12], prices: { 12: 1840 }, free: false },
  { clause: "cost 1.1", category: "REFUGEE", terms: [12], prices: { 12: 1840 }, free: false },
  { clause: "cost 1.1", category: "ASYLUM_SEEKER", terms: [12], prices: { 12: 1840 }, free: false },
  { clause: "cost 1.1", category: "KAIRYLMAN", terms: [12], prices: { 12: 1840 }, free: false },
  { clause: "cost 1.2, cl. 4.2", category: "FOREIGNER", terms: [6, 12], prices: { 6: 5955, 12: 11910 }, free: false },
  { clause: "cost 1.3, cl. 7", category: "FOREIGN_STUDENT", terms: [12], prices: { 12: 11910 }, free: false },
  {
    clause: "cl. 4 note, cl. 7",
    category: "FOREIGN_STUDENT_AGREEMENT",
    terms: [12],
    prices: { 12: 1840 },
    free: false,
  },
  {
    clause: "cost 1.2, cl. 4.1 (corrected: foreign citizens, 12 months only)",
    category: "COMPATRIOT",
    terms: [12],
    prices: { 12: 11910 },
    free: false,
  },
  { clause: "cl. 4.1, 24", category: "PREGNANT", terms: [12], prices: { 12: 0 }, free: true },
  { clause: "cl. 11", category: "EAEU_CHILD", terms: [12], prices: { 12: 0 }, free: true },
];

describe("tariffs as data (order on cost 1.1–1.3)", () => {
  it("the price list covers every category", () => {
    expect(PRICE_LIST.map((p) => p.category).sort()).toEqual([...CATEGORIES].sort());
  });

  it.each(PRICE_LIST)("$clause: $category on 2024-02-01 — terms $terms", ({ category, terms, prices, free }) => {
    expect(allowedTerms(T, category, "2024-02-01")).toEqual(terms);
    for (const term of terms) {
      const quote = quotePrice(T, category, term, "2024-02-01");
      expect(quote).toMatchObject({ ok: true, priceSom: prices[term], termMonths: term });
      if (!quote.ok) throw new Error("unreachable");
      // "free categories priced 0 by rule, not by accident": a free quote has no tariff row behind it
      expect(quote.tariff === null).toBe(free);
      expect(quote.basis.ru.length).toBeGreaterThan(10);
      expect(quote.basis.ky.length).toBeGreaterThan(10);
    }
    expect(quotePrice(T, category, 3, "2024-02-01")).toEqual({ ok: false, reason: "TERM_NOT_ALLOWED" });
  });

  it.each(PRICE_LIST.filter((p) => !p.free))(
    "$clause: $category on 2024-01-31 — no tariff, never a zero price",
    ({ category, terms }) => {
      expect(allowedTerms(T, category, "2024-01-31")).toEqual([]);
      for (const term of terms)
        expect(quotePrice(T, category, term, "2024-01-31")).toEqual({ ok: false, reason: "NO_TARIFF" });
    },
  );

  it.each(PRICE_LIST.filter((p) => p.free))(
    "$clause: $category on 2024-01-31 — still free by order No. 226 (28 Dec 2023), not by a tariff",
    ({ category }) => {
      expect(quotePrice(T, category, 12, "2024-01-31")).toMatchObject({ ok: true, priceSom: 0, tariff: null });
    },
  );

  it.each(["PREGNANT", "EAEU_CHILD"] as const)(
    "cl. 11, 24: %s before order No. 226 — no rule, NO_TARIFF (not 0)",
    (category) => {
      expect(quotePrice(T, category, 12, "2023-12-27")).toEqual({ ok: false, reason: "NO_TARIFF" });
      expect(allowedTerms(T, category, "2023-12-27")).toEqual([]);
    },
  );

  it.each(PRICE_LIST.filter((p) => !p.free))(
    "cost order: $category with an empty table — NO_TARIFF",
    ({ category }) => {
      expect(quotePrice([], category, 12, "2024-06-01")).toEqual({ ok: false, reason: "NO_TARIFF" });
    },
  );

  it("cl. 11, 24: a tariff row for a free category cannot make it paid", () => {
    const row: TariffRow = { ...T[0]!, category: "PREGNANT", priceSom: 1840 };
    expect(quotePrice([row], "PREGNANT", 12, "2024-06-01")).toMatchObject({ ok: true, priceSom: 0, tariff: null });
    expect(tariffsInForce([row], "2024-06-01")).toEqual([]);
  });

  it("cost order: a zero or negative price for a paid category is a data error → NO_TARIFF", () => {
    const zero: TariffRow = { ...T[0]!, priceSom: 0 };
    expect(quotePrice([zero], "CITIZEN", 12, "2024-06-01")).toEqual({ ok: false, reason: "NO_TARIFF" });
    expect(isUsableTariffRow(zero)).toBe(false);
    expect(isUsableTariffRow({ ...T[0]!, priceSom: 1840.5 })).toBe(false);
    expect(isUsableTariffRow({ ...T[0]!, termMonths: 0 })).toBe(false);
    expect(isUsableTariffRow({ ...T[0]!, effectiveFrom: "2024-02-30" })).toBe(false);
    expect(isUsableTariffRow({ ...T[0]!, effectiveTo: "2024-01-01" })).toBe(false);
    expect(isUsableTariffRow({ ...T[0]!, category: "NOBODY" as Category })).toBe(false);
    expect(isUsableTariffRow({ ...T[0]!, effectiveTo: "2024-12-31" })).toBe(true);
  });

  // SPEC §2: a price change is a new row; a payment is priced by the row in force on its date.
  const CHANGE: TariffRow[] = [
    { ...T[0]!, effectiveTo: "2024-12-31" },
    { ...T[0]!, priceSom: 2000, effectiveFrom: "2025-01-01", effectiveTo: null },
  ];
  it.each([
    { clause: "SPEC §2", on: "2024-12-31", price: 1840 },
    { clause: "SPEC §2", on: "2025-01-01", price: 2000 },
  ])("$clause: on $on the citizen pays $price (effectiveTo is inclusive)", ({ on, price }) => {
    expect(quotePrice(CHANGE, "CITIZEN", 12, on)).toMatchObject({ ok: true, priceSom: price });
  });

  it("SPEC §2: of two overlapping rows (a data error) the later order wins, and validation reports it", () => {
    const overlapping: TariffRow[] = [T[0]!, { ...T[0]!, priceSom: 2000, effectiveFrom: "2024-06-01" }];
    expect(findTariff(overlapping, "CITIZEN", 12, "2024-07-01")?.priceSom).toBe(2000);
    expect(findTariff(overlapping, "CITIZEN", 12, "2024-05-01")?.priceSom).toBe(1840);
    expect(findTariff(overlapping, "CITIZEN", 6, "2024-05-01")).toBeNull();
    expect(validateTariffRows(overlapping)).toEqual([{ index: 1, problem: "OVERLAP" }]);
    expect(validateTariffRows(CHANGE)).toEqual([]);
  });

  it("cost order: the published table is valid, complete and frozen", () => {
    expect(validateTariffRows(T)).toEqual([]);
    expect(T.every((r) => r.effectiveFrom === "2024-02-01" && r.effectiveTo === null)).toBe(true);
    expect(Object.isFrozen(T)).toBe(true);
    expect(Object.isFrozen(T[0])).toBe(true);
    expect(T.some((r) => r.category === "PREGNANT" || r.category === "EAEU_CHILD")).toBe(false);
    expect(FREE_POLICY_RULES.map((r) => r.category)).toEqual(["PREGNANT", "EAEU_CHILD"]);
  });

  it("cost order: validation flags unusable rows and rows for free categories", () => {
    expect(
      validateTariffRows([
        { ...T[0]!, priceSom: 0 },
        { ...T[0]!, category: "EAEU_CHILD" },
      ]),
    ).toEqual([
      { index: 0, problem: "UNUSABLE_ROW" },
      { index: 1, problem: "FREE_CATEGORY" },
    ]);
  });

  it("cost order: tariffs in force are ordered by category, then term", () => {
    const shuffled = [...T].reverse();
    const inForce = tariffsInForce(shuffled, "2024-02-01");
    expect(inForce.map((r) => `${r.category}:${r.termMonths}`)).toEqual(T.map((r) => `${r.category}:${r.termMonths}`));
    expect(tariffsInForce(T, "2024-01-31")).toEqual([]);
  });

  it("a frozen table's answer is kept per day (issue 17) and equals a table's that is not frozen", () => {
    const frozen = Object.freeze([...T].reverse().map((r) => Object.freeze({ ...r })));
    const open = [...frozen];
    for (const day of ["2024-02-01", "2024-01-31", "2026-12-03"]) {
      const once = tariffsInForce(frozen, day);
      expect(tariffsInForce(frozen, day)).toBe(once);
      expect(Object.isFrozen(once)).toBe(true);
      expect(once).toEqual(tariffsInForce(open, day));
    }
    // a table that can change is filtered every time: a row added shows at once
    const before = tariffsInForce(open, "2024-02-01");
    open.push({ ...T[0]!, termMonths: 24 });
    expect(tariffsInForce(open, "2024-02-01")).toHaveLength(before.length + 1);
    // and so is a frozen table whose rows can change: a price changed shows at once
    const row = { ...T[0]! };
    const rowsOpen = Object.freeze([row]);
    expect(tariffsInForce(rowsOpen, "2024-02-01")[0]!.priceSom).toBe(T[0]!.priceSom);
    row.priceSom = 1;
    expect(tariffsInForce(rowsOpen, "2024-02-01")[0]!.priceSom).toBe(1);
  });
});

describe("compatriots with a «Мекен карта» (cost 1.2; cl. 4.1) — corrected", () => {
  const row = T.find((r) => r.category === "COMPATRIOT")!;

  it("cost 1.2, cl. 4.1: 11910 som, the foreign citizens' 12-month price, and no 6-month term", () => {
    expect(allowedTerms(T, "COMPATRIOT", "2024-02-01")).toEqual([12]);
    expect(quotePrice(T, "COMPATRIOT", 12, "2024-02-01")).toMatchObject({ ok: true, priceSom: 11910 });
    expect(quotePrice(T, "COMPATRIOT", 6, "2024-02-01")).toEqual({ ok: false, reason: "TERM_NOT_ALLOWED" });
    expect(row.legalBasisRu).toMatch(/п\. 1\.2/);
    expect(row.legalBasisKy).toMatch(/1\.2-пункт/);
    expect(row.priceSom).toBe(T.find((r) => r.category === "FOREIGNER" && r.termMonths === 12)!.priceSom);
  });

  it("cost 1.2: the data migration writes exactly this row's price and legal basis", () => {
    const sql = readFileSync(
      fileURLToPath(
        new URL("../../../prisma/migrations/20261201010000_compatriot_tariff/migration.sql", import.meta.url),
      ),
      "utf8",
    );
    // @prisma/adapter-pg runs a migration split at every semicolon: the one statement may hold none inside.
    expect(sql.split(";").filter((part) => part.replace(/--.*$/gm, "").trim() !== "")).toHaveLength(1);
    const text = sql.replaceAll("' || chr(59) || '", ";");
    expect(text).toContain(`"priceSom" = 11910`);
    expect(text).toContain(`"legalBasisRu" = '${row.legalBasisRu}'`);
    expect(text).toContain(`"legalBasisKy" = '${row.legalBasisKy}'`);
    expect(text).toMatch(
      /"category" = 'COMPATRIOT'\s+AND "termMonths" = 12\s+AND "effectiveFrom" = DATE '2024-02-01'\s+AND "priceSom" = 1840/,
    );
  });
});
