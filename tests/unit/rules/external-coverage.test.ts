import { describe, expect, it } from "vitest";
import { checkCoverageRow, parseRegistryDate } from "../../../lib/rules";

// Issue 15, README I39: one row of the external-coverage registry for an import of EMPLOYMENT, Q1 2026.
const PERIOD = { source: "EMPLOYMENT", periodFrom: "2026-01-01", periodTo: "2026-03-31" } as const;
const PIN = "21705199012345"; // male, born 17.05.1990
const row = (over: Partial<{ pin: string; source: string; coveredFrom: string; coveredTo: string }> = {}) => ({
  pin: PIN,
  source: "EMPLOYMENT",
  coveredFrom: "2026-01-01",
  coveredTo: "2026-03-31",
  ...over,
});

describe("checkCoverageRow (issue 15, I39)", () => {
  it("accepts a row inside the period and reads sex and birth date from the PIN", () => {
    expect(checkCoverageRow(row(), PERIOD)).toEqual({
      ok: true,
      pin: PIN,
      sex: "MALE",
      birthDate: "1990-05-17",
      validFrom: "2026-01-01",
      validTo: "2026-03-31",
    });
  });

  it.each([
    ["an empty source is the import's", { source: "" }, null],
    ["a Russian source word", { source: "взносы" }, null],
    ["DD.MM.YYYY dates", { coveredFrom: "01.02.2026", coveredTo: "28.02.2026" }, null],
    ["no PIN", { pin: " " }, "PIN_MISSING"],
    ["letters in the PIN", { pin: "2170519901234A" }, "PIN_NOT_DIGITS"],
    ["a short PIN", { pin: "217051990" }, "PIN_LENGTH"],
    ["sex digit 3", { pin: "31705199012345" }, "PIN_SEX_DIGIT"],
    ["a 31st of February in the PIN", { pin: "23102199012345" }, "PIN_BIRTH_DATE"],
    ["an unknown source", { source: "PENSION" }, "SOURCE_UNKNOWN"],
    ["another source", { source: "STATE" }, "SOURCE_MISMATCH"],
    ["no such day", { coveredFrom: "2026-02-30" }, "FROM_INVALID"],
    ["an empty end", { coveredTo: "" }, "TO_INVALID"],
    ["from after to", { coveredFrom: "2026-03-01", coveredTo: "2026-02-01" }, "FROM_AFTER_TO"],
    ["starting before the period", { coveredFrom: "2025-12-31" }, "OUTSIDE_PERIOD"],
    ["ending after the period", { coveredTo: "2026-04-01" }, "OUTSIDE_PERIOD"],
  ])("%s", (_name, over, reason) => {
    const checked = checkCoverageRow(row(over), PERIOD);
    expect(checked.ok ? null : checked.reason).toBe(reason);
  });
});

describe("parseRegistryDate", () => {
  it.each([
    ["2026-01-31", "2026-01-31"],
    ["31.01.2026", "2026-01-31"],
    [" 29.02.2024 ", "2024-02-29"],
    ["29.02.2026", null],
    ["2026/01/31", null],
    ["", null],
  ])("%s → %s", (input, expected) => expect(parseRegistryDate(input)).toBe(expected));
});
