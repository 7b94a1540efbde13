import { describe, expect, it } from "vitest";
import { planTariffAddition, quotePrice, validateTariffRows, type TariffRow } from "@/lib/rules";

// Issue 15, interpretation I38: a new price starts tomorrow at the earliest and closes the row in force before it.
const row = (effectiveFrom: string, effectiveTo: string | null, priceSom = 1840): TariffRow => ({
  category: "CITIZEN",
  termMonths: 12,
  priceSom,
  effectiveFrom,
  effectiveTo,
  legalBasisRu: "Приказ",
  legalBasisKy: "Буйрук",
});
const TODAY = "2026-12-01";
const OPEN = row("2024-02-01", null);

describe("planTariffAddition (SPEC §2; I38)", () => {
  it.each([
    ["today is refused: today's payments keep their price", "2026-12-01", "NOT_IN_FUTURE"],
    ["a past day is refused", "2026-11-30", "NOT_IN_FUTURE"],
    ["the first day of an existing row is refused", "2024-02-01", "NOT_IN_FUTURE"],
  ])("%s", (_name, effectiveFrom, reason) => {
    expect(planTariffAddition([OPEN], { category: "CITIZEN", termMonths: 12, effectiveFrom }, TODAY)).toEqual({
      ok: false,
      reason,
    });
  });

  it("refuses a free category (cl. 11, 24: priced by FREE_POLICY_RULES, never by a row)", () => {
    expect(
      planTariffAddition([], { category: "PREGNANT", termMonths: 12, effectiveFrom: "2027-01-01" }, TODAY),
    ).toEqual({ ok: false, reason: "FREE_CATEGORY" });
  });

  it("refuses a second row on the same first day", () => {
    const future = row("2027-01-01", null, 2000);
    expect(
      planTariffAddition([OPEN, future], { category: "CITIZEN", termMonths: 12, effectiveFrom: "2027-01-01" }, TODAY),
    ).toEqual({ ok: false, reason: "SAME_DAY_EXISTS" });
  });

  it("tomorrow: the open row closes today, so today's price stands and tomorrow's is the new one", () => {
    const plan = planTariffAddition(
      [OPEN],
      { category: "CITIZEN", termMonths: 12, effectiveFrom: "2026-12-02" },
      TODAY,
    );
    expect(plan).toEqual({ ok: true, effectiveTo: null, close: { row: OPEN, effectiveTo: "2026-12-01" } });
    const table = [{ ...OPEN, effectiveTo: "2026-12-01" }, row("2026-12-02", null, 2000)];
    expect(validateTariffRows(table)).toEqual([]);
    expect(quotePrice(table, "CITIZEN", 12, TODAY)).toMatchObject({ ok: true, priceSom: 1840 });
    expect(quotePrice(table, "CITIZEN", 12, "2026-12-02")).toMatchObject({ ok: true, priceSom: 2000 });
  });

  it("slotted before a later row: ends the day before it, and closes the previous one", () => {
    const closed = { ...OPEN, effectiveTo: "2027-01-31" };
    const later = row("2027-02-01", null, 2200);
    const plan = planTariffAddition(
      [closed, later],
      { category: "CITIZEN", termMonths: 12, effectiveFrom: "2027-01-01" },
      TODAY,
    );
    expect(plan).toEqual({ ok: true, effectiveTo: "2027-01-31", close: { row: closed, effectiveTo: "2026-12-31" } });
  });

  it("other categories and terms are left alone; a row already closed before the new day is not touched", () => {
    const other = { ...OPEN, termMonths: 6 };
    const ended = row("2024-02-01", "2025-01-31");
    expect(
      planTariffAddition([other, ended], { category: "CITIZEN", termMonths: 12, effectiveFrom: "2027-01-01" }, TODAY),
    ).toEqual({ ok: true, effectiveTo: null, close: null });
  });
});
