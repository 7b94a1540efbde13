import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";

function flatten(obj: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") Object.assign(out, flatten(v, key));
    else out[key] = String(v);
  }
  return out;
}

const root = path.resolve(import.meta.dirname, "../..");
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("texts in Russian and Kyrgyz", () => {
  const ru = flatten(MESSAGES.ru);
  const ky = flatten(MESSAGES.ky);

  it("have the same keys in every namespace", () => {
    expect(Object.keys(ky).sort()).toEqual(Object.keys(ru).sort());
  });

  it("have no empty text", () => {
    for (const [k, v] of [...Object.entries(ru), ...Object.entries(ky)]) expect(v.trim(), k).not.toBe("");
  });

  it("are translated, not copied (beyond names that are the same in both languages)", () => {
    const same = Object.keys(ru).filter((k) => ru[k] === ky[k] && ru[k]!.length > 12);
    // Proper names, ICU formats and product names may coincide; sentences must not.
    expect(same.filter((k) => /\s\S+\s\S+\s/.test(ru[k]!))).toEqual([]);
  });

  it("are not hard-coded in pages and components (no Cyrillic in app/ or components/ source)", () => {
    const offenders = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) =>
      /[А-Яа-яЁёӨөҮүҢң]/.test(fs.readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
