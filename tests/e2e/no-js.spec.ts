import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import kyAppeals from "../../lib/i18n/messages/ky/appeals.json" with { type: "json" };
import kyRules from "../../lib/i18n/messages/ky/rules.json" with { type: "json" };
import kyStatus from "../../lib/i18n/messages/ky/status.json" with { type: "json" };
import ruAppeals from "../../lib/i18n/messages/ru/appeals.json" with { type: "json" };
import ruRules from "../../lib/i18n/messages/ru/rules.json" with { type: "json" };
import ruStatus from "../../lib/i18n/messages/ru/status.json" with { type: "json" };

// Issue 17: the citizen pages work with JavaScript disabled — forms post to the server and the answer is a page. The
// browser runs no script at all here; each step is a full page load (a form post or a redirect after one).
test.use({ javaScriptEnabled: false });

const INSURED_PIN = "21505198500017"; // demo: own policy P-DEMO-000001 in force
const LANGS = [
  { locale: "ru", status: ruStatus, rules: ruRules, appeals: ruAppeals },
  { locale: "ky", status: kyStatus, rules: kyRules, appeals: kyAppeals },
] as const;

/** A PIN nobody else uses: a woman born 15 May 1985 (SPEC §8: sex digit, DDMMYYYY, 5-digit serial). */
const uniquePin = () => `215051985${String(randomInt(100_000)).padStart(5, "0")}`;

/** Posts a form by its submit button and waits for the page that answers it. */
async function submit(page: Page, testId: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByTestId(testId).locator('button[type="submit"]').first().click(),
  ]);
}

/** The page really has no script running: a script-made change would show in the title otherwise. */
async function expectNoScripts(page: Page) {
  expect(await page.evaluate(() => typeof (globalThis as { __next_f?: unknown }).__next_f)).toBe("undefined");
}

for (const { locale, status, rules, appeals } of LANGS) {
  test.describe(`without JavaScript in ${locale}`, () => {
    test("the status check answers an insured PIN, and a malformed one with a translated error", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await expectNoScripts(page);
      await page.locator("#pin").fill(INSURED_PIN);
      await submit(page, "status-form");
      await expect(page.getByTestId("status-insured")).toBeVisible();
      await expect(page.getByTestId("coverage-number")).toHaveText("P-DEMO-000001");
      await expect(page.getByTestId("status-result")).toContainText(status.sourcePolicy);
      // the PIN went in the POST body, never into the address
      expect(page.url()).not.toContain(INSURED_PIN);

      await page.locator("#pin").fill("12345");
      await submit(page, "status-form");
      await expect(page.getByTestId("pin-error")).toHaveText(rules.pinError.LENGTH);
      await expect(page.getByTestId("error-summary")).toContainText(rules.pinError.LENGTH);
      await expect(page.getByTestId("status-result")).toHaveCount(0);
    });

    test("the purchase journey reaches the acquirer, and the paid order's page shows the policy", async ({ page }) => {
      await page.goto(`/${locale}/buy`);
      await Promise.all([page.waitForNavigation(), page.getByTestId("buy-start").click()]);
      await expect(page).toHaveURL(new RegExp(`/${locale}/buy/identify$`));
      // a missing answer: the page comes back with the error, nothing else changes
      await submit(page, "buy-identify");
      await expect(page).toHaveURL(new RegExp(`/${locale}/buy/identify$`));
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await page.locator('input[name="idKind"][value="PIN"]').check();
      await submit(page, "buy-identify");
      await expect(page).toHaveURL(/\/buy\/pin$/);
      await page.locator("#pin").fill(uniquePin());
      await submit(page, "buy-pin");
      await expect(page).toHaveURL(/\/buy\/name$/);
      await page.locator("#lastName").fill("Асанова");
      await page.locator("#firstName").fill("Айгуль");
      await submit(page, "buy-name");
      await expect(page).toHaveURL(/\/buy\/phone$/);
      await page.locator("#phone").fill("0700 123 456");
      await submit(page, "buy-phone");
      await expect(page).toHaveURL(/\/buy\/category$/);
      await page.locator('input[name="category"][value="CITIZEN"]').check();
      await submit(page, "buy-category");
      await expect(page).toHaveURL(/\/buy\/check$/);
      await submit(page, "buy-check");
      await expect(page.getByTestId("test-acquirer-banner")).toBeVisible();
      await expect(page.getByTestId("acquirer-amount")).toHaveText(/1[\s\u00a0\u202f]?840/);
      await expectNoScripts(page);

      await Promise.all([page.waitForNavigation(), page.getByTestId("acquirer-pay").click()]);
      await expect(page).toHaveURL(new RegExp(`/${locale}/orders/[A-Za-z0-9_-]{43}$`));
      await expect(page.getByTestId("order-paid")).toBeVisible();
      await expect(page.getByTestId("policy-number")).toHaveText(/^E-\d{4}-\d{7}$/);
    });

    test("an appeal is filed, its status checked, and a wrong number answered with a translated error", async ({
      page,
    }) => {
      const pin = `2${String(Date.now()).slice(-12)}${locale === "ru" ? 3 : 4}`;
      await page.goto(`/${locale}/appeals`);
      await submit(page, "appeal-form");
      await expect(page.getByTestId("error-summary")).toBeVisible();
      const form = page.getByTestId("appeal-form");
      await form.locator("#pin").fill(pin);
      await form.locator("#fullName").fill("Сыдыков Эрлан Бакирович");
      await form.locator("#officeCode").selectOption("BISHKEK");
      await form.locator("#subject").fill("Заказ отклонён");
      await form.locator("#text").fill("Оплатил полис, но заказ отклонён. Прошу разобраться.");
      await submit(page, "appeal-form");
      await expect(page).toHaveURL(/\/appeals\/filed\/A-\d{4}-\d{6}$/);
      const number = page.url().split("/").pop()!;

      await page.goto(`/${locale}/appeals/status`);
      await page.locator("#number").fill(number);
      await page.locator("#pin").fill(pin);
      await submit(page, "appeal-status-form");
      await expect(page.getByTestId("appeal-state")).toHaveText(appeals.state.OPEN);

      await page.locator("#number").fill("A-2026-999999");
      await page.locator("#pin").fill(pin);
      await submit(page, "appeal-status-form");
      await expect(page.getByTestId("error-summary")).toContainText(appeals.status.notFound);
      await expect(page.getByTestId("appeal-status")).toHaveCount(0);
    });
  });
}

// The staff sign-in needs its script (next-auth), but a click before the script has loaded must never send the
// password in the address (a native GET form would: history, logs, the Referer).
test("the staff sign-in form, sent without its script, keeps the password out of the address", async ({ page }) => {
  await page.goto("/ru/staff/sign-in");
  await page.getByTestId("sign-in-form").locator("#login").fill("admin");
  await page.getByTestId("sign-in-form").locator("#password").fill("not-in-the-url-1");
  await submit(page, "sign-in-form");
  expect(page.url()).not.toContain("not-in-the-url-1");
  expect(new URL(page.url()).search).toBe("");
  await expect(page.getByTestId("sign-in-form")).toBeVisible();
});
