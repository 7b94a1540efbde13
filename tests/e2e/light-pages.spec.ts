import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import kyCommon from "../../lib/i18n/messages/ky/common.json" with { type: "json" };
import kyStatus from "../../lib/i18n/messages/ky/status.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import ruStatus from "../../lib/i18n/messages/ru/status.json" with { type: "json" };

// Issue 17: the production server sends the citizen pages light (lib/web/light-pages.ts) — no script file at all, the
// framework's hydration data left out, one inline script of the portal's own that improves the page
// (lib/web/enhance-citizen-page.ts). JavaScript is on here, as for most citizens; tests/e2e/no-js.spec.ts has it off.

const INSURED_PIN = "21505198500017"; // demo: own policy P-DEMO-000001 in force
const LANGS = [
  { locale: "ru", common: ruCommon, status: ruStatus },
  { locale: "ky", common: kyCommon, status: kyStatus },
] as const;
const uniquePin = () => `215051985${String(randomInt(100_000)).padStart(5, "0")}`;

/** The URLs of every script file the page asks for, from now on. */
function scriptFiles(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") urls.push(new URL(r.url()).pathname);
  });
  return urls;
}

const frameworkLoaded = (page: Page) =>
  page.evaluate(() => typeof (globalThis as { __next_f?: unknown }).__next_f !== "undefined");

/** Posts a form by its submit button and waits for the page that answers it. */
async function submit(page: Page, testId: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByTestId(testId).locator('button[type="submit"]').first().click(),
  ]);
}

test("citizen pages load no script file and no framework; a staff page keeps its own", async ({ page }) => {
  const scripts = scriptFiles(page);
  for (const path of ["/ru", "/ky/status", "/ru/buy", "/ky/appeals", "/ru/appeals/status"]) {
    const response = await page.goto(path);
    expect(response, path).not.toBeNull();
    // compressed by the production server itself, as the browser asked
    expect(["br", "gzip"], path).toContain(response!.headers()["content-encoding"]);
    expect(await frameworkLoaded(page), path).toBe(false);
    const html = await response!.text();
    expect(html, path).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
    expect(html, path).not.toContain("__next_f");
  }
  expect(scripts).toEqual([]);

  await page.goto("/ru/staff/sign-in");
  await expect(page.getByTestId("sign-in-form")).toBeVisible();
  expect(scripts.some((s) => s.startsWith("/_next/static/chunks/"))).toBe(true);
  expect(await frameworkLoaded(page)).toBe(true);
});

// Next 16 draws a notFound() page in the browser (vercel/next.js#62228): such a page keeps the framework, or it would
// stay blank (lib/web/light-pages.ts).
test("an unknown order's 404 keeps the framework and shows its text", async ({ page }) => {
  const response = await page.goto(`/ky/orders/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kyCommon.notFound.title);
  expect(await frameworkLoaded(page)).toBe(true);
});

for (const { locale, common, status } of LANGS) {
  test.describe(`light pages in ${locale}`, () => {
    test("a form's error: the summary takes focus and the title says there is an error", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      const title = await page.title();
      await page.locator("#pin").fill("12345");
      await submit(page, "status-form");
      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(page).toHaveTitle(common.errorTitlePrefix + title);
    });

    test("a form is sent once, however often its button is pressed, and says it is on its way", async ({ page }) => {
      await page.clock.install();
      await page.goto(`/${locale}/status`);
      await page.locator("#pin").fill(INSURED_PIN);
      // The test holds every submission at the window, after the page's own script has seen it (a listener on the
      // document runs first): the page stays, as it does while a slow network brings the answer.
      await page.evaluate(() => {
        const w = window as unknown as { submits: boolean[] };
        w.submits = [];
        window.addEventListener("submit", (e) => {
          w.submits.push(e.defaultPrevented);
          e.preventDefault();
        });
      });
      const button = page.getByTestId("status-form").locator('button[type="submit"]');
      await button.click();
      await expect(button).toHaveText(status.checking);
      await expect(button).toHaveAttribute("aria-disabled", "true");
      // pressed again and again: the page's script stops each (force: the button says it is busy)
      await button.click({ force: true });
      await button.click({ force: true });
      const submits = await page.evaluate(() => (window as unknown as { submits: boolean[] }).submits);
      expect(submits).toEqual([false, true, true]);
      // no answer in 10 s (the person pressed Stop, the network gave up): the form can be sent again
      await page.clock.runFor(10_000);
      await expect(button).toHaveText(status.submit);
      await expect(button).not.toHaveAttribute("aria-disabled", "true");
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { submits: boolean[] }).submits)).toEqual([
        false,
        true,
        true,
        false,
      ]);
    });

    test("the status check answers on a page of its own, its button ready again", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await page.locator("#pin").fill(INSURED_PIN);
      await submit(page, "status-form");
      await expect(page.getByTestId("status-insured")).toBeVisible();
      await expect(page.getByTestId("status-form").locator('button[type="submit"]')).toHaveText(status.submit);
      expect(page.url()).not.toContain(INSURED_PIN);
    });
  });
}

test("the paid order's print button appears and prints", async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      (globalThis as { printed?: number }).printed = ((globalThis as { printed?: number }).printed ?? 0) + 1;
    };
  });
  const scripts = scriptFiles(page);
  await page.goto("/ru/buy");
  await Promise.all([page.waitForNavigation(), page.getByTestId("buy-start").click()]);
  await page.locator('input[name="idKind"][value="PIN"]').check();
  await submit(page, "buy-identify");
  await page.locator("#pin").fill(uniquePin());
  await submit(page, "buy-pin");
  await page.locator("#lastName").fill("Асанова");
  await page.locator("#firstName").fill("Айгуль");
  await submit(page, "buy-name");
  await page.locator("#phone").fill("0700 123 456");
  await submit(page, "buy-phone");
  await page.locator('input[name="category"][value="CITIZEN"]').check();
  await submit(page, "buy-category");
  await submit(page, "buy-check");
  await expect(page.getByTestId("test-acquirer-banner")).toBeVisible();
  await Promise.all([page.waitForNavigation(), page.getByTestId("acquirer-pay").click()]);
  await expect(page.getByTestId("order-paid")).toBeVisible();

  const print = page.getByTestId("print");
  await expect(print).toBeVisible();
  await print.click();
  expect(await page.evaluate(() => (globalThis as { printed?: number }).printed)).toBe(1);
  // the whole journey, to the bank and back, without a script file
  expect(scripts).toEqual([]);
});
