import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-data";

const DEMO_PASSWORD = "demo-password";
/** Demo accounts whose role requires a second factor (prisma/seed.ts enrols them with DEMO_TOTP_SECRET). */
const WITH_SECOND_FACTOR = ["refunds", "admin"];

/** The sign-in form's second step: the code of the demo authenticator, computed now. */
async function totpStep(page: Page) {
  const code = new TOTP({ secret: DEMO_TOTP_SECRET }).generate();
  await page.getByTestId("sign-in-form").locator("#code").fill(code);
  await page.getByTestId("sign-in-form").getByRole("button").click();
}

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
  if (WITH_SECOND_FACTOR.includes(login) && password === DEMO_PASSWORD) await totpStep(page);
  // Wait for the outcome — the workspace, or the error summary — before the test navigates anywhere else.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.endsWith("/staff/sign-in") && url.pathname !== `/${locale}/staff`),
    page.getByTestId("error-summary").waitFor(),
  ]);
}
