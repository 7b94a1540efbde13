import { expect, test } from "@playwright/test";
import kyCommon from "../../lib/i18n/messages/ky/common.json" with { type: "json" };
import kyRules from "../../lib/i18n/messages/ky/rules.json" with { type: "json" };
import kyStatus from "../../lib/i18n/messages/ky/status.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import ruRules from "../../lib/i18n/messages/ru/rules.json" with { type: "json" };
import ruStatus from "../../lib/i18n/messages/ru/status.json" with { type: "json" };
import { expectAccessible } from "./support";

// Demo people (prisma/demo-data.ts): dates are relative to the day the e2e database was seeded.
const INSURED_PIN = "21505198500017"; // policy P-DEMO-000001, in force
const PAID_NOT_YET_PIN = "10203199000024"; // policy E-DEMO-000002, paid 3 days ago, starts in 2 days (cl. 5)
const EXTERNAL_PIN = "21111197500031"; // insured through employment
const INSURED_DOCUMENT = "ID 0512345"; // the insured person's document (typed with a space: normalized)

const LANGS = [
  { locale: "ru", status: ruStatus, common: ruCommon, rules: ruRules },
  { locale: "ky", status: kyStatus, common: kyCommon, rules: kyRules },
] as const;

for (const { locale, status, common, rules } of LANGS) {
  test.describe(`status check in ${locale}`, () => {
    test("an insured person sees the policy and its dates", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(status.title);
      await expectAccessible(page);
      await page.locator("#pin").fill(INSURED_PIN);
      await page.getByTestId("status-form").getByRole("button", { name: status.submit }).click();
      await expect(page.getByTestId("status-insured")).toBeVisible();
      await expect(page.getByTestId("coverage-number")).toHaveText("P-DEMO-000001");
      await expect(page.getByTestId("status-result")).toContainText(status.sourcePolicy);
      await expectAccessible(page);
    });

    test("a paid policy not yet in force is shown with its first day", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await page.locator("#pin").fill(PAID_NOT_YET_PIN);
      await page.getByTestId("status-form").getByRole("button").click();
      await expect(page.getByTestId("status-not-insured")).toBeVisible();
      await expect(page.getByTestId("status-next")).toContainText("E-DEMO-000002");
      await expect(page.getByTestId("status-next")).toContainText(status.nextTitle);
      await expectAccessible(page);
    });

    test("insurance from another source says no policy is needed", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await page.locator("#pin").fill(EXTERNAL_PIN);
      await page.getByTestId("status-form").getByRole("button").click();
      await expect(page.getByTestId("status-insured")).toContainText(status.sourceExternal);
    });

    test("'I have no PIN': the status by document number (SPEC §8)", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await page.getByTestId("status-no-pin").click();
      await expect(page).toHaveURL(/\/status\?by=document$/);
      await expect(page.getByText(status.documentLead)).toBeVisible();
      await expectAccessible(page);
      await page.locator("#document").fill("++");
      await page.getByTestId("status-form-document").getByRole("button").click();
      await expect(page.getByTestId("document-error")).toHaveText(status.errors.documentInvalid);
      await expectAccessible(page);
      await page.locator("#document").fill(INSURED_DOCUMENT);
      await page.getByTestId("status-form-document").getByRole("button").click();
      await expect(page.getByTestId("status-insured")).toBeVisible();
      await expect(page.getByTestId("coverage-number")).toHaveText("P-DEMO-000001");
      await expectAccessible(page);
      await page.getByTestId("status-by-pin").click();
      await expect(page.locator("#pin")).toBeVisible();
    });

    test("a malformed PIN gets an error summary, a field error and an 'Error:' title", async ({ page }) => {
      await page.goto(`/${locale}/status`);
      await page.locator("#pin").fill("12345");
      await page.getByTestId("status-form").getByRole("button").click();
      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: rules.pinError.LENGTH })).toHaveAttribute("href", "#pin");
      await expect(page.getByTestId("pin-error")).toHaveText(rules.pinError.LENGTH);
      await expect(page).toHaveTitle(new RegExp(`^${common.errorTitlePrefix}`));
      await expect(page.locator("#pin")).toHaveValue("12345"); // what was typed is kept
      await expect(page.getByTestId("status-result")).toHaveCount(0);
      await expectAccessible(page);
    });
  });
}

test("the language switch keeps the page", async ({ page }) => {
  await page.goto("/ru/status");
  await page.getByTestId("lang-ky").click();
  await expect(page).toHaveURL(/\/ky\/status$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kyStatus.title);
  await page.getByTestId("lang-ru").click();
  await expect(page).toHaveURL(/\/ru\/status$/);
});

test("the header's links are readable (white on the brand colour, not brand on brand)", async ({ page }) => {
  await page.goto("/ru");
  const banner = page.getByRole("banner");
  for (const name of [ruCommon.portalName, ruCommon.nav.status, ruCommon.nav.staff, ruCommon.languageNames.ky]) {
    await expect(banner.getByRole("link", { name: new RegExp(name) }).first()).toHaveCSS("color", "rgb(255, 255, 255)");
  }
});

test("the home page in both languages is accessible", async ({ page }) => {
  for (const { locale, common } of LANGS) {
    await page.goto(`/${locale}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(common.home.title);
    await expectAccessible(page);
  }
});

test("/ sends the visitor to their language", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ky-KG",
    extraHTTPHeaders: { "accept-language": "ky-KG,ky;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/ky$/);
  await context.close();
});

test("/ky: the result's dates are in Kyrgyz, rendered in the browser (issue 9)", async ({ page }) => {
  await page.goto("/ky/status");
  await page.locator("#pin").fill(INSURED_PIN);
  await page.getByTestId("status-form").getByRole("button").click();
  const from = page.getByTestId("coverage-from");
  await expect(from).toHaveText(
    /^\d{4}-ж\., \d{1,2}-(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)$/,
  );
  await expect(page.getByTestId("status-result")).not.toContainText(
    /January|February|March|April|May|June|July|August|September|October|November|December/,
  );
});

test("not insured: 'Buy a policy' starts the purchase for that PIN, without the PIN in any URL (issue 9)", async ({
  page,
}) => {
  const visited: string[] = [];
  page.on("request", (r) => visited.push(r.url()));
  const pin = `2150519850${String(10000 + Math.floor(Math.random() * 80000)).slice(0, 4)}`.padEnd(14, "7");
  await page.goto("/ru/status");
  await page.locator("#pin").fill(pin);
  await page.getByTestId("status-form").getByRole("button").click();
  await expect(page.getByTestId("status-not-insured")).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId("buy-for-pin").getByRole("button").click();
  await expect(page).toHaveURL(/\/ru\/buy\/name$/);
  expect(visited.filter((u) => u.includes(pin))).toEqual([]);
});
