import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as rules from "@/lib/rules";

// The rules document must match the code: each rule names its function and file (issue acceptance).
const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../lib/rules/${path}`, import.meta.url)), "utf8");
const readme = read("README.md");

const exportedFunctions = Object.entries(rules)
  .filter(([, value]) => typeof value === "function")
  .map(([name]) => name)
  .sort();
const named = [...readme.matchAll(/`([a-z][A-Za-z0-9]*)` \(([a-z-]+\.ts)\)/g)].map((m) => ({ fn: m[1]!, file: m[2]! }));

describe("lib/rules/README.md matches the code", () => {
  it.each(exportedFunctions)("the exported function %s is named in the rules document with its file", (fn) => {
    expect(named.map((n) => n.fn)).toContain(fn);
  });

  it.each(named)("$fn is defined in $file", ({ fn, file }) => {
    expect(exportedFunctions).toContain(fn);
    expect(read(file)).toMatch(new RegExp(`export (function|const) ${fn}\\b`));
  });

  it.each(rules.REFUSAL_CODES.map((code) => ({ code, clause: rules.REFUSAL_CLAUSES[code] })))(
    'refusal $code is listed with clause "$clause"',
    ({ code, clause }) => {
      expect(readme).toContain(`| \`${code}\` | ${clause} |`);
    },
  );

  it.each(rules.REFUND_REFUSAL_CODES.map((code) => ({ code, clause: rules.REFUND_REFUSAL_CLAUSES[code] })))(
    'refund refusal $code is listed with clause "$clause"',
    ({ code, clause }) => {
      expect(readme).toContain(`| \`${code}\` | ${clause} |`);
    },
  );

  it.each(rules.TARIFFS_FROM_2024_02_01.map((r) => ({ category: r.category, term: r.termMonths, price: r.priceSom })))(
    "the tariff $category / $term months / $price som is in the document",
    ({ category, price }) => {
      const line = readme
        .split("\n")
        .find((l) => l.startsWith("| ") && l.includes(category) && l.includes(String(price)));
      expect(line).toBeDefined();
    },
  );

  it("has an Interpretations section covering SPEC §2, §3, §6, §8, clamping and tie-breaking", () => {
    const section = readme.slice(readme.indexOf("## Interpretations"));
    for (const topic of [
      "Compatriot",
      "two stages",
      "PIN",
      "Renewal",
      "Month-end clamping",
      "Which coverage to report",
      "Re-issue",
    ]) {
      expect(section).toContain(topic);
    }
  });
});
