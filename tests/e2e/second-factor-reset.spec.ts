import { expect, test, type Page } from "@playwright/test";
import { TOTP } from "otpauth";
import ruAdmin from "../../lib/i18n/messages/ru/administration.json" with { type: "json" };
import ruAudit from "../../lib/i18n/messages/ru/audit.json" with { type: "json" };
import ruSecurity from "../../lib/i18n/messages/ru/security.json" with { type: "json" };
import ruStaff from "../../lib/i18n/messages/ru/staff.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

// Issue 15, a lost authenticator: an admin resets a refund officer's second factor. The officer's open session ends,
// and their next sign-in asks for no code but sends them to enrol a new authenticator, which then works.

const STEP_MS = 30_000;
const PASSWORD = "a-long-enough-password-1";

const stepNow = () => Math.floor(Date.now() / STEP_MS);

/** What an authenticator app shows for this secret during the given 30-second step. */
function codeAt(secret: string, step: number): string {
  return new TOTP({ secret }).generate({ timestamp: step * STEP_MS });
}

/**
 * Enrols the authenticator the two-factor page offers, typing the code of the current step; returns the secret and
 * the step the enrolment spent (the server refuses that step's code at the next sign-in: a code is single-use).
 */
async function enrol(page: Page): Promise<{ secret: string; step: number }> {
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const step = stepNow();
  const form = page.getByTestId("two-factor-form");
  await form.locator("#code").fill(codeAt(secret, step));
  await form.getByRole("button").click();
  await expect(page.getByTestId("recovery-codes")).toContainText(ruSecurity.account.recoveryTitle);
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  return { secret, step };
}

/** Signs in with the password and then the code of a step later than `spentStep` (waiting for it if need be). */
async function signInWithCode(page: Page, login: string, secret: string, spentStep: number) {
  await page.goto("/ru/staff/sign-in");
  const form = page.getByTestId("sign-in-form");
  await form.locator("#login").fill(login);
  await form.locator("#password").fill(PASSWORD);
  await form.getByRole("button").click();
  // the password is right and the account has a second factor: the form asks for the code
  await expect(form.locator("#code")).toBeVisible();
  const step = Math.max(stepNow(), spentStep + 1);
  const wait = step * STEP_MS + 200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await form.locator("#code").fill(codeAt(secret, step));
  await form.getByRole("button").click();
}

test("an admin resets a refund officer's lost second factor: their session ends, they enrol a new one", async ({
  browser,
}) => {
  const login = `e2e.2fa.${Date.now().toString(36)}`;

  // The admin creates the refund officer's account; refund officers must have a second factor.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/ru/staff/admin");
  const create = admin.getByTestId("create-user-form");
  await create.locator("#login").fill(login);
  await create.locator("#fullName").fill("Возвратова Айгуль");
  await create.locator("#role").selectOption("REFUND_OFFICER");
  await create.locator("#password").fill(PASSWORD);
  await create.getByRole("button").click();
  await expect(admin.getByTestId(`user-row-${login}`)).toContainText(ruStaff.roles.REFUND_OFFICER);

  // The officer's first sign-in leads straight to enrolment; they enrol an authenticator.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, login, "ru", PASSWORD);
  await expect(officer).toHaveURL(/\/ru\/staff\/account\/two-factor$/);
  await expect(officer.getByTestId("two-factor-lead")).toHaveText(ruSecurity.account.twoFactorRequired);
  const first = await enrol(officer);

  // Signed in again the next time with a code from that authenticator: the session the reset must end.
  await officerContext.clearCookies();
  await signInWithCode(officer, login, first.secret, first.step);
  await expect(officer).toHaveURL(/\/ru\/staff\/fund$/);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(ruStaff.fund.title);

  // The admin resets it from the officer's account page.
  await admin.getByTestId(`edit-${login}`).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(ruAdmin.users.title.replace("{login}", login));
  const reset = admin.getByTestId("second-factor-reset");
  await expect(reset.getByRole("button")).toHaveText(ruAdmin.users.secondFactorButton);
  await expectAccessible(admin);
  await reset.getByRole("button").click();
  // Done, without an error: the admin is told so, and the refreshed page shows the account without a factor and
  // offers nothing more to reset.
  await expect(admin.getByTestId("second-factor-reset-done")).toHaveText(ruAdmin.users.secondFactorDone);
  await expect(admin.getByTestId("second-factor-state")).toHaveText(ruAdmin.users.secondFactorNone);
  await expect(admin.getByTestId("second-factor-reset")).toHaveCount(0);
  await expect(admin.getByTestId("error-summary")).toHaveCount(0);
  // Opened again, the page still says so.
  await admin.reload();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(ruAdmin.users.title.replace("{login}", login));
  await expect(admin.getByTestId("second-factor-state")).toHaveText(ruAdmin.users.secondFactorNone);
  await expect(admin.getByTestId("second-factor-reset")).toHaveCount(0);
  await expect(admin.getByTestId("second-factor-reset-done")).toHaveCount(0);

  // The audit log names the reset and whose factor it was.
  await admin.goto("/ru/staff/admin/audit?action=user.second_factor_reset");
  const row = admin.getByTestId("audit-row").filter({ hasText: login });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("audit-action")).toHaveText(ruAudit.actions.user.second_factor_reset);

  // The officer's open session is over: the next page they open is the sign-in page.
  await officer.reload();
  await expect(officer).toHaveURL(/\/ru\/staff\/sign-in$/);

  // The password alone now signs them in, and they must enrol a new authenticator before anything else: the old
  // secret is gone and a new one is offered.
  await signIn(officer, login, "ru", PASSWORD);
  await expect(officer).toHaveURL(/\/ru\/staff\/account\/two-factor$/);
  await expect(officer.getByTestId("two-factor-lead")).toHaveText(ruSecurity.account.twoFactorRequired);
  await expect(officer.getByTestId("totp-secret")).not.toHaveText(first.secret);
  await officer.goto("/ru/staff/fund");
  await expect(officer).toHaveURL(/\/ru\/staff\/account\/two-factor$/);
  await expectAccessible(officer);
  const second = await enrol(officer);
  expect(second.secret).not.toBe(first.secret);
  await officer.getByRole("link", { name: ruSecurity.account.continue }).click();
  await expect(officer).toHaveURL(/\/ru\/staff\/fund$/);

  await officerContext.close();
  await adminContext.close();
});

test("an admin's own account page offers no reset of their own second factor", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/ru/staff/admin");
  await page.getByTestId("edit-admin").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ruAdmin.users.title.replace("{login}", "admin"));
  // another admin must do it, so that a stolen admin session cannot strip its own account's factor
  await expect(page.getByTestId("second-factor-reset")).toHaveCount(0);
  await expect(page.getByTestId("second-factor")).toHaveCount(0);
});
