import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseOptions, type ICruiseResult, type IModule, type IViolation } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";

// The target shape of lib/, app/ and components/ (STYLE.md "Boundaries", issue 10). The rules live in
// .dependency-cruiser.cjs (also run by `npm run deps`); this test runs them through dependency-cruiser's API, prints
// each violation as "rule: from → to (why)", and adds one check dependency-cruiser has no rule for: no import cycles
// between lib folders. tests/unit/rules/purity.test.ts keeps its own, stricter check of lib/rules (it also looks
// for clock reads).

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCANNED = ["lib", "app", "components"];

type RuleConfig = { name: string; comment?: string };
type Config = { forbidden: RuleConfig[]; options: Record<string, unknown> };
const config = createRequire(import.meta.url)(join(ROOT, ".dependency-cruiser.cjs")) as Config;
const RULE_NAMES = [...new Set(config.forbidden.map((r) => r.name))];

function cruiseOptions(baseDir: string): ICruiseOptions {
  // Cloned, because dependency-cruiser normalises (mutates) what it is given.
  const { forbidden, options } = structuredClone(config);
  // The tsconfig's `paths` (the `@/` alias) are read relative to baseDir, not to the current directory.
  const tsConfig = { fileName: join(baseDir, "tsconfig.json") };
  return { ...options, baseDir, tsConfig, validate: true, ruleSet: { forbidden } } as ICruiseOptions;
}

async function runCruise(baseDir: string, paths: string[]): Promise<ICruiseResult> {
  const tsConfig = extractTSConfig(join(baseDir, "tsconfig.json"));
  const { output } = await cruise(paths, cruiseOptions(baseDir), {}, { tsConfig });
  if (typeof output === "string") throw new Error(`dependency-cruiser answered with text:\n${output}`);
  return output;
}

// ── reading the result ───────────────────────────────────────────────────────────────────────────────────────────

type Edge = { from: string; to: string; typeOnly: boolean };

function edges(modules: IModule[]): Edge[] {
  return modules.flatMap((m) =>
    m.dependencies.map((d) => ({
      from: m.source,
      to: d.resolved,
      typeOnly: d.dependencyTypes.includes("type-only"),
    })),
  );
}

function whyOf(rule: string, violation?: IViolation): string {
  const matching = config.forbidden.filter((r) => r.name === rule);
  // Two entries may share a name (components-no-data): pick the one whose comment fits the target, else the first.
  if (violation && matching.length > 1 && violation.to.startsWith("lib/web/")) {
    return matching.find((r) => r.comment?.includes("lib/web"))?.comment ?? "";
  }
  return matching[0]?.comment ?? "";
}

/** One readable line per violation: `rule: from → to (why)`. */
function describeViolation(v: IViolation, all: Edge[]): string {
  const why = whyOf(v.rule.name, v);
  if (v.cycle && v.cycle.length > 0) {
    const path = [v.from, ...v.cycle.map((c) => c.name)].join(" → ");
    return `${v.rule.name}: ${path} (${why})`;
  }
  const edge = all.find((e) => e.from === v.from && e.to === v.to);
  const kind = edge?.typeOnly ? " [type-only import]" : "";
  return `${v.rule.name}: ${v.from} → ${v.to}${kind} (${why})`;
}

// ── lib folder cycles ────────────────────────────────────────────────────────────────────────────────────────────

/** lib/payments/terminals/x.ts → "lib/payments"; a file directly in lib/ is its own node. Null outside lib/. */
function libFolderOf(path: string): string | null {
  const parts = path.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? path : `lib/${parts[1]}`;
}

/** Tarjan's strongly connected components; returns those with more than one node. */
function cyclicComponents(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return out;
}

/** A shortest cycle start → … → start inside one component (breadth-first). */
function cycleThrough(start: string, members: Set<string>, graph: Map<string, Set<string>>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(w) && w !== start) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** One message per group of lib folders that import each other in a circle, with an example import for each step. */
function libFolderCycles(all: Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  const examples = new Map<string, Edge[]>();
  for (const e of all) {
    const a = libFolderOf(e.from);
    const b = libFolderOf(e.to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
    const key = `${a}\0${b}`;
    examples.set(key, [...(examples.get(key) ?? []), e]);
  }
  return cyclicComponents(graph).map((component) => {
    const cycle = cycleThrough(component[0]!, new Set(component), graph);
    const steps = cycle.slice(0, -1).map((a, i) => {
      const b = cycle[i + 1]!;
      const found = examples.get(`${a}\0${b}`) ?? [];
      // Prefer a runtime import as the example: it is the one that matters at load time.
      const example = found.find((e) => !e.typeOnly) ?? found[0]!;
      const more = found.length > 1 ? ` (+${found.length - 1} more)` : "";
      return `    ${a} → ${b}: ${example.from} → ${example.to}${example.typeOnly ? " [type-only]" : ""}${more}`;
    });
    return (
      `no-lib-folder-cycles: ${cycle.join(" → ")} (these lib folders import each other in a circle; ` +
      `one direction has to go: move the shared part down into a folder both can import)\n${steps.join("\n")}` +
      (component.length > cycle.length - 1 ? `\n    (the whole tangle: ${component.join(", ")})` : "")
    );
  });
}

function report(title: string, lines: string[]): string {
  return lines.length === 0 ? "" : `${title} — ${lines.length} violation(s):\n${lines.join("\n")}\n`;
}

// ── the project ──────────────────────────────────────────────────────────────────────────────────────────────────

describe("module boundaries (STYLE.md; .dependency-cruiser.cjs)", () => {
  let result: ICruiseResult;
  let all: Edge[];

  beforeAll(async () => {
    result = await runCruise(ROOT, SCANNED);
    all = edges(result.modules);
  }, 120_000);

  it("cruises the whole app and resolves every import of the app (`@/` alias included)", () => {
    const sources = result.modules.map((m) => m.source);
    expect(sources.filter((s) => s.startsWith("lib/")).length).toBeGreaterThan(20);
    expect(sources.filter((s) => s.startsWith("app/")).length).toBeGreaterThan(10);
    expect(sources.filter((s) => s.startsWith("components/")).length).toBeGreaterThan(5);
    // A misconfigured alias would show up as unresolved `@/…` imports, and every rule would pass silently.
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies
        .filter((d) => d.couldNotResolve && (d.module.startsWith("@/") || d.module.startsWith(".")))
        .map((d) => `${m.source}: cannot resolve '${d.module}'`),
    );
    expect(unresolved, unresolved.join("\n")).toEqual([]);
    expect(all.some((e) => e.to.startsWith("lib/db/"))).toBe(true);
  });

  it.each(RULE_NAMES)("%s", (rule) => {
    const lines = result.summary.violations.filter((v) => v.rule.name === rule).map((v) => describeViolation(v, all));
    expect(lines, `\n${report(rule, lines)}`).toEqual([]);
  });

  it("no-lib-folder-cycles: no two lib folders import each other, directly or through others", () => {
    const cycles = libFolderCycles(all);
    expect(cycles, `\n${report("no-lib-folder-cycles", cycles)}`).toEqual([]);
  });
});

// ── the checks catch what they are meant to catch ────────────────────────────────────────────────────────────────

describe("the boundary rules flag a known-bad fixture", () => {
  const FIXTURE = join(ROOT, "tests/.tmp/boundaries-fixture");
  const files: Record<string, string> = {
    "tsconfig.json": JSON.stringify({
      // baseUrl: without it dependency-cruiser reads `paths` relative to the current directory (the repository root).
      compilerOptions: {
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        baseUrl: ".",
        paths: { "@/*": ["./*"] },
      },
    }),
    "lib/rules/bad.ts":
      'import { readFileSync } from "node:fs";\nimport { z } from "zod";\nimport { x } from "@/lib/orders/helper";\nexport const y = [readFileSync, z, x];\n',
    "lib/rules/good.ts":
      'import { z } from "zod";\nimport ru from "../i18n/messages/ru/rules.json";\nexport const g = [z, ru];\n',
    "lib/i18n/messages/ru/rules.json": "{}\n",
    "lib/orders/helper.ts":
      'import { redirect } from "next/navigation";\nimport { db } from "@/lib/db";\nimport { p } from "@/lib/payments/pay";\nexport const x = [redirect, db, p];\n',
    "lib/orders/queries.ts":
      'import { db } from "@/lib/db";\nimport type { Role } from "@/lib/generated/prisma/enums";\nexport const q = db;\nexport type R = Role;\n',
    "lib/payments/pay.ts":
      'import { q } from "../orders/queries";\nimport { x } from "../orders/helper";\nimport type { Role } from "@/lib/generated/prisma/enums";\nexport const p = [q, x];\nexport type R = Role;\n',
    "lib/web/action.ts": 'import { redirect } from "next/navigation";\nexport const a = redirect;\n',
    "lib/web/action-result.ts": "export type ActionResult = { ok: boolean };\nexport const initial = { ok: false };\n",
    "lib/db/index.ts": "export const db = {};\n",
    "lib/generated/prisma/enums.ts": 'export type Role = "ADMIN";\n',
    "components/form.tsx":
      'import { q } from "@/lib/orders/queries";\nimport { a } from "@/lib/web/action";\nimport { initial } from "@/lib/web/action-result";\nexport const f = [q, a, initial];\n',
    "app/page.tsx":
      'import { db } from "@/lib/db";\nimport type { Role } from "@/lib/generated/prisma/enums";\nexport const page = db;\nexport type R = Role;\n',
  };
  let lines: string[];

  beforeAll(async () => {
    rmSync(FIXTURE, { recursive: true, force: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(FIXTURE, path)), { recursive: true });
      writeFileSync(join(FIXTURE, path), content);
    }
    const result = await runCruise(FIXTURE, SCANNED);
    const all = edges(result.modules);
    lines = [...result.summary.violations.map((v) => describeViolation(v, all)), ...libFolderCycles(all)];
    rmSync(FIXTURE, { recursive: true, force: true });
  }, 120_000);

  it.each([
    "rules-pure: lib/rules/bad.ts → fs (",
    "rules-pure: lib/rules/bad.ts → lib/orders/helper.ts",
    "next-only-in-web: lib/orders/helper.ts → ",
    "prisma-only-in-data-access: lib/orders/helper.ts → lib/db/index.ts (only queries.ts / mutations.ts files may use the database)",
    "components-no-data: components/form.tsx → lib/orders/queries.ts",
    "components-no-data: components/form.tsx → lib/web/action.ts",
    "app-no-prisma: app/page.tsx → lib/db/index.ts",
    "no-circular: lib/orders/helper.ts → lib/payments/pay.ts → lib/orders/helper.ts",
    "no-lib-folder-cycles: lib/orders → lib/payments → lib/orders",
    "    lib/payments → lib/orders: lib/payments/pay.ts → lib/orders/",
    "(+1 more)",
  ])("flags %s", (expected) => {
    expect(lines.join("\n")).toContain(expected);
  });

  it.each([
    ["lib/rules/good.ts", ""],
    ["lib/web/action.ts", ""],
    ["lib/orders/queries.ts", ""],
    ["lib/payments/pay.ts", "lib/generated/"],
    ["components/form.tsx", "lib/web/action-result.ts"],
    ["app/page.tsx", "lib/generated/"],
  ])("allows %s → %s", (from, to) => {
    // Cycle lines name every module on the cycle; only the direct rules' "rule: from → to" lines count here.
    const direct = lines
      .filter((l) => !l.startsWith("no-circular") && !l.startsWith("no-lib-folder-cycles"))
      .filter((l) => l.includes(`: ${from} → ${to}`));
    expect(direct).toEqual([]);
  });
});
