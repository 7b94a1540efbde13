import { expect, test } from "@playwright/test";
import kyCommon from "../../lib/i18n/messages/ky/common.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import { expectAccessible } from "./support";

// Issue 9, Pages: a 404 in the visitor's language, with `lang` and a title, passing axe on desktop and phone.
for (const [locale, common] of [
  ["ru", ruCommon],
  ["ky", kyCommon],
] as const) {
  test(`an unknown page under /${locale} is a ${locale} 404 with lang and title`, async ({ page }) => {
    const response = await page.goto(`/${locale}/no-such-page/${Date.now()}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(common.notFound.title);
    await expect(page).toHaveTitle(new RegExp(`^${common.notFound.title}`));
    await expectAccessible(page);
  });
}

test("a path outside both languages is a Russian 404 with lang and title", async ({ page }) => {
  const response = await page.goto("/xx/nothing-here");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page).toHaveTitle(new RegExp(`^${ruCommon.notFound.title}`));
  await expectAccessible(page);
});

test("robots.txt keeps staff and order pages out; the favicon and the manifest are served", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/ru/staff", "/ky/staff", "/ru/orders/", "/ky/orders/"])
    expect(robots).toContain(`Disallow: ${path}`);
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.name).toContain(ruCommon.portalName);
});

test("the test bank page keeps its checkout when the language is switched", async ({ page }) => {
  await page.goto("/ru/test-acquirer?session=not-a-real-session");
  await page.getByTestId("lang-ky").click();
  await expect(page).toHaveURL(/\/ky\/test-acquirer\?session=not-a-real-session$/);
});
