import { describe, expect, it } from "vitest";
import { inertCell } from "../../../lib/files/csv-cell";

// Every CSV the portal writes (journal, registries, dashboard, refunds queue) defuses a formula-like start.
describe("inertCell", () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ["+996700123456", "'+996700123456"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Асанова", "Асанова"],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j → %j", (input, output) => expect(inertCell(input)).toBe(output));
});
