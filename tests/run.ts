/**
 * npm test — the whole suite, in this order:
 *   1. unit tests (lib/rules and other pure code) with line coverage of lib/rules (threshold 95 %);
 *   2. integration tests on a real database: PostgreSQL when DATABASE_URL is set, and then again on embedded
 *      PGlite, so both databases run the same code path; PGlite only when DATABASE_URL is not set;
 *   3. end-to-end tests in Chromium (Playwright) when a Chromium is installed; otherwise they are skipped, loudly;
 *   4. the first-load JavaScript of the citizen pages (issue 17, `npm run check:js-weight`), read from the build the
 *      e2e step made: fails when a page passes its limit;
 *   5. the security suite (issue 11: HTTP-level checks on two production servers sharing one PostgreSQL database)
 *      when PostgreSQL is set and the e2e step built the app — it reuses that build (one `next build` per run).
 * Prints one closing line: "tests: N passed, N failed, N skipped". Exits non-zero if anything failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium } from "./support/chromium";

const root = path.resolve(import.meta.dirname, "..");
const tmp = path.join(root, "tests/.tmp");
fs.mkdirSync(tmp, { recursive: true });

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const notes: string[] = [];
let failedSteps = 0;

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  console.log(`\n━━━ ${title} ━━━`);
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  const ok = res.status === 0;
  if (!ok) {
    failedSteps++;
    notes.push(`✖ ${title} failed (exit ${res.status ?? res.signal})`);
  }
  return ok;
}

function addVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
}

function vitest(title: string, project: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  const out = path.join(tmp, `vitest-${project}-${Date.now()}.json`);
  // the security suite has its own config (it starts production servers); the others are projects of one config
  const config =
    project === "security"
      ? ["-c", "tests/security/vitest.config.ts"]
      : ["-c", "tests/vitest.config.ts", "--project", project];
  run(
    title,
    "npx",
    ["vitest", "run", ...config, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra],
    env,
  );
  addVitest(out);
}

const baseEnv = { ...process.env };
const pgUrl = baseEnv.DATABASE_URL?.trim();

vitest("unit tests (with coverage of lib/rules)", "unit", baseEnv, ["--coverage"]);

if (pgUrl) {
  vitest("integration tests on PostgreSQL", "integration", { ...baseEnv, OMS_TEST_PG_URL: pgUrl });
  const { DATABASE_URL: _omit, ...pgliteEnv } = baseEnv;
  vitest("integration tests on PGlite (same code path, embedded database)", "integration", {
    ...pgliteEnv,
    OMS_TEST_PG_URL: pgUrl,
  });
} else {
  notes.push("ℹ integration tests ran on PGlite only: set DATABASE_URL=postgresql://… to run them on PostgreSQL too");
  vitest("integration tests on PGlite", "integration", baseEnv);
}

const chromium = findChromium();
if (chromium) {
  const out = path.join(tmp, `playwright-${Date.now()}.json`);
  run(`end-to-end tests in ${chromium}`, "npx", ["playwright", "test", "-c", "tests/playwright.config.ts"], {
    ...baseEnv,
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  if (fs.existsSync(out)) {
    const s = (
      JSON.parse(fs.readFileSync(out, "utf8")) as {
        stats: { expected: number; unexpected: number; skipped: number; flaky: number };
      }
    ).stats;
    total.passed += s.expected + s.flaky;
    total.failed += s.unexpected;
    total.skipped += s.skipped;
  }
} else {
  notes.push(
    "⚠ end-to-end tests SKIPPED: no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). Install it with: apt-get install -y chromium",
  );
}

// Issue 17: the weight check reads the production build the e2e server made (tests/e2e/serve.ts: `next build`).
if (chromium) {
  const ok = run(
    "first-load JavaScript of the citizen pages (issue 17)",
    "npx",
    ["tsx", "scripts/js-weight.ts"],
    baseEnv,
  );
  if (ok) total.passed += 1;
  else total.failed += 1;
} else {
  notes.push(
    "⚠ first-load JavaScript check SKIPPED: it reads the e2e step's build; run it alone with npm run build && npm run check:js-weight",
  );
}

if (chromium && pgUrl) {
  vitest("security suite (issue 11) on two production servers and PostgreSQL", "security", {
    ...baseEnv,
    SECURITY_REUSE_BUILD: "1",
  });
} else {
  notes.push(
    `⚠ security suite SKIPPED: it needs ${pgUrl ? "" : "DATABASE_URL=postgresql://… and "}the e2e build (Chromium); run it alone with npm run test:security`,
  );
}

console.log("");
for (const n of notes) console.log(n);
if (failedSteps > 0 && total.failed === 0) total.failed = failedSteps; // a step that failed outside any test
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps > 0 ? 1 : 0);
