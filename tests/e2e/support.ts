import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-data";

const DEMO_PASSWORD = "demo-password";
/** Demo accounts whose role requires a second factor (prisma/seed.ts enrols them with DEMO_TOTP_SECRET). */
const WITH_SECOND_FACTOR = ["refunds", "refunds.preparer", "admin"];

const STEP_MS = 30_000;
/** Where the workers agree which time-step each account signs in with: a TOTP code is single-use (issue 11). */
const TOTP_DIR = path.resolve(import.meta.dirname, "../.tmp/totp");

/**
 * The time-step this sign-in may use: the first after the last one any worker claimed for the account, claimed under
 * a lock directory (mkdir is atomic) so that two workers never send the same account's code of the same step.
 */
async function claimTotpStep(login: string): Promise<number> {
  fs.mkdirSync(TOTP_DIR, { recursive: true });
  const lock = path.join(TOTP_DIR, `${login}.lock`);
  const record = path.join(TOTP_DIR, `${login}.step`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // held by another worker for a moment; one left behind by a killed run is old
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    const last = Number(fs.existsSync(record) ? fs.readFileSync(record, "utf8") : -1);
    const step = Math.max(Math.floor(Date.now() / STEP_MS), last + 1);
    fs.writeFileSync(record, String(step));
    return step;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The sign-in form's second step: the demo authenticator's code of a step no other sign-in of the account used. */
async function totpStep(page: Page, login: string) {
  const step = await claimTotpStep(login);
  const wait = step * STEP_MS + 200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page
    .getByTestId("sign-in-form")
    .locator("#code")
    .fill(new TOTP({ secret: DEMO_TOTP_SECRET }).generate({ timestamp: Math.max(Date.now(), step * STEP_MS) }));
  await page.getByTestId("sign-in-form").getByRole("button").click();
}

const PHONE = { width: 360, height: 740 };

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_VERSION = (
  JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/package.json"), "utf8")) as {
    version: string;
  }
).version;
/** Markup already scanned clean, one empty file per key, shared by the workers (tests/.tmp is the suite's own). */
const AXE_CLEAN_DIR = path.resolve(import.meta.dirname, "../.tmp/axe-clean");

/**
 * What axe's verdict depends on, as one key: the rendered markup (scripts' text, hidden inputs' values and nonces
 * left out: they render nothing; stylesheets and their content-hashed names stay in), the viewport, axe's version and
 * the rules' tags. The journeys pass the same pages again and again (the purchase's first steps in every purchase, a
 * workspace in ru and ky); a page whose key was scanned clean is clean, and is not scanned a second time.
 */
async function axeKey(page: Page): Promise<string> {
  const markup = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll("script")) el.textContent = "";
    for (const el of copy.querySelectorAll("[nonce]")) el.removeAttribute("nonce");
    for (const el of copy.querySelectorAll('input[type="hidden"]')) el.removeAttribute("value");
    return copy.outerHTML;
  });
  const viewport = page.viewportSize();
  return createHash("sha256")
    .update(`${AXE_VERSION}|${AXE_TAGS.join(",")}|${viewport?.width}x${viewport?.height}|${markup}`)
    .digest("hex");
}

async function expectNoAxeViolations(page: Page, where: string) {
  const key = await axeKey(page);
  const known = path.join(AXE_CLEAN_DIR, key);
  if (fs.existsSync(known)) return;
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()} (${where})`).toEqual([]);
  fs.mkdirSync(AXE_CLEAN_DIR, { recursive: true });
  fs.writeFileSync(known, "");
}

/**
 * Every page an e2e test visits is scanned: WCAG 2.1 A and AA, zero violations, at the test's viewport and on a
 * 360 px phone, where the page must not scroll sideways (wide tables scroll inside their own region).
 */
export async function expectAccessible(page: Page) {
  await expectNoAxeViolations(page, "desktop");
  const viewport = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    const { width, wide } = await page.evaluate((limit) => {
      // The innermost elements reaching past the screen's edge: what to fix when the page scrolls sideways.
      const wide = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && el.closest("[role=region]") === null)
        .filter((el, _i, all) => !all.some((other) => other !== el && el.contains(other)))
        .slice(0, 5)
        .map(
          (el) =>
            `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)} px`,
        );
      return { width: document.documentElement.scrollWidth, wide };
    }, PHONE.width);
    expect(width, `horizontal overflow at 360 px on ${page.url()}: ${wide.join("; ")}`).toBeLessThanOrEqual(
      PHONE.width,
    );
    await expectNoAxeViolations(page, "360 px phone");
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

export async function signIn(page: Page, login: string, locale: "ru" | "ky" = "ru", password = DEMO_PASSWORD) {
  await page.goto(`/${locale}/staff/sign-in`);
  await page.getByTestId("sign-in-form").locator("#login").fill(login);
  await page.getByTestId("sign-in-form").locator("#password").fill(password);
  await page.getByTestId("sign-in-form").getByRole("button").click();
  if (WITH_SECOND_FACTOR.includes(login) && password === DEMO_PASSWORD) await totpStep(page, login);
  // Wait for the outcome — the workspace, or the error summary — before the test navigates anywhere else.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith("/staff/sign-in") && url.pathname !== `/${locale}/staff`),
    page.getByTestId("error-summary").waitFor(),
  ]);
}
