import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const DEMO_PASSWORD = "demo-password";

/** Every page an e2e test visits is scanned: WCAG 2.1 A and AA, zero violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, login: string, locale: "ru" | "ky" = "ru", password = DEMO_PASSWORD) {
  await page.goto(`/${locale}/staff/sign-in`);
  await page.getByTestId("sign-in-form").locator("#login").fill(login);
  await page.getByTestId("sign-in-form").locator("#password").fill(password);
  await page.getByTestId("sign-in-form").getByRole("button").click();
  // Wait for the outcome — the workspace, or the error summary — before the test navigates anywhere else.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith("/staff/sign-in") && url.pathname !== `/${locale}/staff`),
    page.getByTestId("error-summary").waitFor(),
  ]);
}
