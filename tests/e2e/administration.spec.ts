import { expect, test, type APIRequestContext } from "@playwright/test";
import ruAdmin from "../../lib/i18n/messages/ru/administration.json" with { type: "json" };
import kyAdmin from "../../lib/i18n/messages/ky/administration.json" with { type: "json" };
import ruStaff from "../../lib/i18n/messages/ru/staff.json" with { type: "json" };
import kyStaff from "../../lib/i18n/messages/ky/staff.json" with { type: "json" };
import ruAudit from "../../lib/i18n/messages/ru/audit.json" with { type: "json" };
import kyAudit from "../../lib/i18n/messages/ky/audit.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

// Issue 15, administration: an admin adds a tariff effective next month (the API shows it from that day, today's
// price stands) and blocks an account (its open session ends, it can no longer sign in). In Russian and Kyrgyz.

// Every test here signs the demo admin in, whose TOTP code is single-use: one worker, one after the other (the
// sign-in helper then waits for the next 30-second step instead of racing another worker for the same one).
test.describe.configure({ mode: "serial" });

/** Today and the first day of next month, in Bishkek (UTC+6). */
function bishkekDays() {
  const now = new Date(Date.now() + 6 * 3600_000);
  const today = now.toISOString().slice(0, 10);
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const nextMonth = next.toISOString().slice(0, 10);
  const dayBefore = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
  return { today, nextMonth, dayBefore };
}

async function priceOn(request: APIRequestContext, category: string, on?: string): Promise<number | undefined> {
  const res = await request.get(`/api/v1/tariffs${on ? `?on=${on}` : ""}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { tariffs: { category: string; termMonths: number; priceSom: number }[] };
  return body.tariffs.find((t) => t.category === category && t.termMonths === 12)?.priceSom;
}

// Each language changes its own category, so the two tests (and the other specs' purchases) do not meet.
const CASES = [
  { locale: "ru" as const, category: "REFUGEE", messages: ruAdmin, staff: ruStaff, audit: ruAudit },
  { locale: "ky" as const, category: "ASYLUM_SEEKER", messages: kyAdmin, staff: kyStaff, audit: kyAudit },
];

for (const { locale, category, messages, staff, audit } of CASES) {
  test(`${locale}: an admin adds a tariff from next month and blocks an account`, async ({
    page,
    browser,
    request,
  }) => {
    const { today, nextMonth, dayBefore } = bishkekDays();
    const before = await priceOn(request, category);
    expect(before).toBeGreaterThan(0);
    const newPrice = before! + 260;

    // A clerk account, signed in elsewhere.
    const login = `e2e.blk.${locale}.${Date.now().toString(36)}`;
    const password = "a-long-enough-password-1";
    await signIn(page, "admin", locale);
    await page.goto(`/${locale}/staff/admin`);
    const create = page.getByTestId("create-user-form");
    await create.locator("#login").fill(login);
    await create.locator("#fullName").fill("Блокируемый Сотрудник");
    await create.locator("#role").selectOption("CLERK");
    await create.locator("#officeCode").selectOption("TALAS");
    await create.locator("#password").fill(password);
    await create.getByRole("button").click();
    await expect(page.getByTestId(`user-row-${login}`)).toBeVisible();
    const clerkContext = await browser.newContext();
    const clerk = await clerkContext.newPage();
    await signIn(clerk, login, locale, password);
    await expect(clerk).toHaveURL(new RegExp(`/${locale}/staff/office`));

    // The tariff: today refused (translated), next month accepted.
    await page.goto(`/${locale}/staff/admin/tariffs`);
    await expectAccessible(page);
    const form = page.getByTestId("tariff-form");
    await form.locator("#category").selectOption(category);
    await form.locator("#termMonths").fill("12");
    await form.locator("#priceSom").fill(String(newPrice));
    await form.locator("#effectiveFrom").fill(today);
    await form.locator("#legalBasisRu").fill("Приказ ФОМС № 99 (e2e)");
    await form.locator("#legalBasisKy").fill("ФМСФ № 99 буйругу (e2e)");
    await form.getByRole("button").click();
    await expect(page.getByTestId("effectiveFrom-error")).toHaveText(messages.errors.tariffNotInFuture);
    await expectAccessible(page);
    await form.locator("#effectiveFrom").fill(nextMonth);
    await form.getByRole("button").click();
    await expect(page.getByTestId("tariff-form-done")).toHaveText(messages.tariffs.added);
    await expect(page.getByTestId("tariffs-table")).toContainText(String(newPrice));
    await expectAccessible(page);

    // The API: the new price from its first day; today and the day before it, the old one.
    expect(await priceOn(request, category, nextMonth)).toBe(newPrice);
    expect(await priceOn(request, category, dayBefore)).toBe(before);
    expect(await priceOn(request, category)).toBe(before);

    // The audit viewer finds the change, in words: the action's label and the new price among the changed fields.
    await page.goto(`/${locale}/staff/admin/audit`);
    await page.getByTestId("audit-filter").locator("#action").selectOption("tariff.create");
    await page.getByTestId("audit-apply").click();
    const row = page.getByTestId("audit-row").first();
    await expect(row.getByTestId("audit-action")).toHaveText(audit.actions.tariff.create);
    // (numbers are grouped in the staff's language: "2 100")
    const changes = (await row.getByTestId("audit-changes").textContent()) ?? "";
    expect(changes.replace(/[\s\u00a0\u202f]/g, "")).toContain(String(newPrice));
    await expect(page.getByTestId("audit-table")).not.toContainText("tariff.create");

    // Blocking: the clerk's open session ends, and signing in again is refused.
    await page.goto(`/${locale}/staff/admin`);
    await page.getByTestId(`edit-${login}`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messages.users.title.replace("{login}", login));
    await expectAccessible(page);
    await page.getByTestId(`toggle-${login}`).getByRole("button").click();
    await expect(page.getByTestId("account-state")).toHaveText(staff.admin.blocked);

    await clerk.reload();
    await expect(clerk).toHaveURL(new RegExp(`/${locale}/staff/sign-in`));
    await signIn(clerk, login, locale, password);
    await expect(clerk.getByTestId("error-summary")).toBeVisible();
    await expect(clerk).toHaveURL(new RegExp(`/${locale}/staff/sign-in`));
    await clerkContext.close();
  });
}

test("ru and ky: the other administration pages open for an admin, accessible", async ({ page }) => {
  await signIn(page, "admin");
  for (const locale of ["ru", "ky"]) {
    for (const path of ["education-states", "offices", "offices/BISHKEK", "organizations/new", "calendar"]) {
      const res = await page.goto(`/${locale}/staff/admin/${path}`);
      expect(res?.status(), path).toBe(200);
      await expectAccessible(page);
    }
  }
});

test("ky: a one-time link sets a new password once; opened again it says so", async ({ page, browser }) => {
  const login = `e2e.rst.${Date.now().toString(36)}`;
  await signIn(page, "admin", "ky");
  await page.goto("/ky/staff/admin");
  const create = page.getByTestId("create-user-form");
  await create.locator("#login").fill(login);
  await create.locator("#fullName").fill("Жаңы Сырсөз");
  await create.locator("#role").selectOption("REFUND_OFFICER");
  await create.locator("#password").fill("first-password-12345");
  await create.getByRole("button").click();
  await page.getByTestId(`edit-${login}`).click();
  await page.getByTestId("reset-link-form").getByRole("button").click();
  const link = (await page.getByTestId("reset-link").textContent())!.trim();
  expect(link).toMatch(/\/ky\/staff\/reset\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  const other = await browser.newContext();
  const person = await other.newPage();
  await person.goto(link);
  const form = person.getByTestId("reset-password-form");
  await form.locator("#password").fill("second-password-12345");
  await form.locator("#passwordConfirm").fill("another-password-12345");
  await form.getByRole("button").click();
  await expect(person.getByTestId("passwordConfirm-error")).toHaveText(kyAdmin.errors.passwordsDiffer);
  await expectAccessible(person);
  await form.locator("#password").fill("second-password-12345");
  await form.locator("#passwordConfirm").fill("second-password-12345");
  await form.getByRole("button").click();
  await expect(person.getByTestId("reset-done")).toContainText(kyAdmin.reset.done);

  await person.goto(link);
  await expect(person.getByTestId("reset-unusable")).toHaveText(kyAdmin.errors.resetLinkInvalid);
  await expectAccessible(person);
  await other.close();
});
