import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// STYLE 1: lib/rules is pure — no Prisma, no Next/React, no I/O, no clock. This test reads every file under it.
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const RULES = join(ROOT, "lib/rules");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const FORBIDDEN_IMPORTS: { pattern: RegExp; why: string }[] = [
  { pattern: /^@prisma(\/|$)/, why: "Prisma" },
  { pattern: /^prisma(\/|$)/, why: "Prisma" },
  { pattern: /lib\/generated/, why: "the generated Prisma client" },
  { pattern: /^@\/lib\/db/, why: "the database" },
  { pattern: /^next($|[/-])/, why: "Next (and next-intl, next-auth)" },
  { pattern: /^react($|[/-])/, why: "React" },
  { pattern: /^node:/, why: "Node built-ins (I/O)" },
  { pattern: /^fs($|\/)/, why: "the file system" },
  { pattern: /^@\//, why: "the app alias: imports inside lib/rules are relative" },
];
const BUILTINS = new Set(builtinModules);
const ALLOWED_PACKAGES = [/^date-fns(\/|$)/, /^@date-fns\/tz(\/|$)/];
const ALLOWED_JSON = /^lib\/i18n\/messages\/(ru|ky)\/rules\.json$/;

const CLOCK_READS: { pattern: RegExp; why: string }[] = [
  { pattern: /Date\.now\s*\(/, why: "Date.now()" },
  { pattern: /new\s+Date\s*\(\s*\)/, why: "new Date() without arguments" },
  { pattern: /new\s+Date\b(?!\s*\()/, why: "new Date without arguments" },
  { pattern: /(?<![\w.]|new\s)Date\s*\(/, why: "Date() called as a function returns the current time" },
  { pattern: /performance\.now/, why: "performance.now" },
  { pattern: /process\.hrtime/, why: "process.hrtime" },
  { pattern: /Temporal\.Now/, why: "Temporal.Now" },
];

function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) if (m[1] !== undefined) found.push(m[1]);
  return found;
}

/** Problems in one source file; `file` is its path relative to the repository root. */
function checkSource(file: string, source: string): string[] {
  const problems: string[] = [];
  for (const spec of importSpecifiers(source)) {
    const forbidden = FORBIDDEN_IMPORTS.find((f) => f.pattern.test(spec));
    if (forbidden) {
      problems.push(`${file}: imports '${spec}' (${forbidden.why})`);
      continue;
    }
    if (spec.startsWith(".")) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec)).replaceAll("\\", "/");
      if (!target.startsWith("lib/rules/") && !ALLOWED_JSON.test(target)) {
        problems.push(`${file}: imports '${spec}', outside lib/rules`);
      }
      continue;
    }
    if (BUILTINS.has(spec)) problems.push(`${file}: imports '${spec}' (a Node built-in)`);
    else if (!ALLOWED_PACKAGES.some((p) => p.test(spec)))
      problems.push(`${file}: imports package '${spec}' (not allowed)`);
  }
  for (const clock of CLOCK_READS)
    if (clock.pattern.test(source)) problems.push(`${file}: reads the clock (${clock.why})`);
  return problems;
}

describe("lib/rules is pure (STYLE 1; issue acceptance)", () => {
  const files = listFiles(RULES).map((f) => relative(ROOT, f).replaceAll("\\", "/"));

  it("holds TypeScript sources and its README only", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(f).toMatch(/(\.ts|\/README\.md)$/);
    expect(files).toContain("lib/rules/README.md");
    expect(files).toContain("lib/rules/index.ts");
  });

  it.each(files.filter((f) => f.endsWith(".ts")))("%s imports nothing impure and never reads the clock", (file) => {
    expect(checkSource(file, readFileSync(join(ROOT, file), "utf8"))).toEqual([]);
  });

  // The checker itself must catch what it is meant to catch.
  it.each([
    { source: "import { PrismaClient } from '@prisma/client';", problem: "Prisma" },
    { source: "import type { Category } from '../generated/prisma/enums';", problem: "generated" },
    { source: "import { db } from '@/lib/db';", problem: "database" },
    { source: "import { useTranslations } from 'next-intl';", problem: "Next" },
    { source: "import { redirect } from 'next/navigation';", problem: "Next" },
    { source: "import { useState } from 'react';", problem: "React" },
    { source: "import { readFileSync } from 'node:fs';", problem: "Node" },
    { source: "import fs from 'fs';", problem: "file system" },
    { source: "const fs = require('path');", problem: "built-in" },
    { source: "import { z } from 'zod';", problem: "not allowed" },
    { source: "export * from '../auth/permissions';", problem: "outside lib/rules" },
    { source: "const m = await import('./x');\nconst t = Date.now();", problem: "Date.now()" },
    { source: "const today = new Date();", problem: "without arguments" },
    { source: "const today = new Date;", problem: "without arguments" },
    { source: "const s = Date();", problem: "as a function" },
    { source: "const t = performance.now();", problem: "performance.now" },
  ])("the checker flags: $source", ({ source, problem }) => {
    expect(checkSource("lib/rules/x.ts", source).join("\n")).toContain(problem);
  });

  it.each([
    "import { addDays } from 'date-fns';",
    "import { TZDate } from '@date-fns/tz';",
    "import ru from '../i18n/messages/ru/rules.json';",
    "import { addDays } from './dates';",
    "const d = new Date(instant.getTime());",
    "function bishkekDate(instant: Date): CalendarDate {}",
  ])("the checker allows: %s", (source) => {
    expect(checkSource("lib/rules/x.ts", source)).toEqual([]);
  });
});
