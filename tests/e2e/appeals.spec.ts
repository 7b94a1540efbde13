import { expect, test } from "@playwright/test";
import kyAppeals from "../../lib/i18n/messages/ky/appeals.json" with { type: "json" };
import ruAppeals from "../../lib/i18n/messages/ru/appeals.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

// Issue 14 (cl. 36–37): a citizen files an appeal online, the office answers it, the citizen sees the answer with the
// number and their PIN (posted, never in the URL).

for (const [locale, m] of [
  ["ru", ruAppeals],
  ["ky", kyAppeals],
] as const) {
  test(`a citizen files an appeal and sees it answered (${locale})`, async ({ page, browser }) => {
    const validPin = `2${String(Date.now()).slice(-12)}${locale === "ru" ? 1 : 2}`;
    await page.goto(`/${locale}/appeals`);
    await expectAccessible(page);
    const form = page.getByTestId("appeal-form");
    await form.locator("#pin").fill(validPin);
    await form.locator("#fullName").fill("Сыдыков Эрлан Бакирович");
    await form.locator("#officeCode").selectOption("BISHKEK");
    await form.locator("#subject").fill("Заказ отклонён");
    await form.locator("#text").fill("Оплатил полис, но заказ отклонён. Прошу разобраться.");
    await form.getByRole("button").click();
    await page.waitForURL(/\/appeals\/filed\/A-\d{4}-\d{6}$/);
    expect(page.url()).not.toContain(validPin);
    const number = page.url().split("/").pop()!;
    await expect(page.getByTestId("appeal-number")).toContainText(number);
    await expectAccessible(page);

    const clerk = await (await browser.newContext()).newPage();
    await signIn(clerk, "clerk.bishkek", locale);
    await clerk.goto(`/${locale}/staff/office/appeals`);
    await expectAccessible(clerk);
    await clerk.getByRole("link", { name: number }).click();
    await clerk.getByTestId("appeal-answer-form").locator("#answer").fill("Деньги будут возвращены по заявлению.");
    await clerk.getByTestId("appeal-answer-form").getByRole("button").click();
    await expect(clerk.getByTestId("appeal-answer")).toHaveText("Деньги будут возвращены по заявлению.");
    await expectAccessible(clerk);

    await page.goto(`/${locale}/appeals/status`);
    const status = page.getByTestId("appeal-status-form");
    await status.locator("#number").fill(number);
    await status.locator("#pin").fill(validPin);
    await status.getByRole("button").click();
    await expect(page.getByTestId("appeal-state")).toHaveText(m.state.ANSWERED);
    await expect(page.getByTestId("appeal-answer")).toHaveText("Деньги будут возвращены по заявлению.");
    expect(page.url()).not.toContain(validPin);
    await expectAccessible(page);
  });
}
