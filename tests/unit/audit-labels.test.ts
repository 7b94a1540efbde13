import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ky from "@/lib/i18n/messages/ky/audit.json";
import ru from "@/lib/i18n/messages/ru/audit.json";

// Issue 15: the audit viewer shows every action and record kind in the staff's language, never a raw code. Every
// `action: "…"` and `entity: "…"` the code writes must have a label in both languages.
const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const written = (key: "action" | "entity") => {
  const found = new Set<string>();
  for (const file of [...sources("lib"), ...sources("app")]) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(new RegExp(`\\b${key}: "([A-Za-z_.]+)"`, "g"))) found.add(m[1]!);
  }
  return [...found].sort();
};

const lookup = (tree: unknown, dotted: string) =>
  dotted.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe("audit labels", () => {
  const actions = written("action");
  const entities = written("entity");

  it("finds the audited actions and records in the code", () => {
    expect(actions.length).toBeGreaterThan(40);
    expect(entities.length).toBeGreaterThan(10);
  });

  it.each([
    ["ru", ru],
    ["ky", ky],
  ] as const)("every action and record kind has a %s label", (_locale, messages) => {
    expect(actions.filter((a) => typeof lookup(messages.actions, a) !== "string")).toEqual([]);
    expect(entities.filter((e) => typeof lookup(messages.entity, e) !== "string")).toEqual([]);
  });
});
