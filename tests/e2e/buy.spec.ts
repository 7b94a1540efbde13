import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import kyBuy from "../../lib/i18n/messages/ky/buy.json" with { type: "json" };
import kyCommon from "../../lib/i18n/messages/ky/common.json" with { type: "json" };
import kyRules from "../../lib/i18n/messages/ky/rules.json" with { type: "json" };
import ruBuy from "../../lib/i18n/messages/ru/buy.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import ruRules from "../../lib/i18n/messages/ru/rules.json" with { type: "json" };
import { addDays, bishkekDate, validThrough } from "../../lib/rules";
import { expectAccessible as axeScan } from "./support";

// The online purchase (issue #4), in both languages, with an axe scan on every page. Each test makes its own
// person (a unique PIN or document number); the demo people are only read.
const INSURED_PIN = "21505198500017"; // demo: own policy P-DEMO-000001 in force
const EMPLOYED_PIN = "21111197500031"; // demo: insured through employment

const LANGS = [
  { locale: "ru", buy: ruBuy, rules: ruRules, common: ruCommon },
  { locale: "ky", buy: kyBuy, rules: kyRules, common: kyCommon },
] as const;

/** After a server action's redirect the page's <title> streams in with its metadata: scan once it is there. */
async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  await axeScan(page);
}

/** A PIN nobody else uses (SPEC §8: sex digit, DDMMYYYY, 5-digit serial). */
function uniquePin(birth = "1985-05-15", sex: 1 | 2 = 2): string {
  const [y, m, d] = birth.split("-");
  return `${sex}${d}${m}${y}${String(randomInt(100_000)).padStart(5, "0")}`;
}

function longDate(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "Asia/Bishkek",
  }).format(new Date(`${day}T12:00:00+06:00`));
}

/** "1 840" with whatever space Intl puts between the groups. */
const money = (n: number) => new RegExp(String(n).replace(/\B(?=(\d{3})+$)/g, "[\\s\\u00a0\\u202f]?"));

async function next(page: Page, testId: string) {
  await page.getByTestId(testId).locator('button[type="submit"]').click();
}

async function startWithPin(page: Page, locale: string, pin: string) {
  await page.goto(`/${locale}/buy`);
  await expectAccessible(page);
  await page.getByTestId("buy-start").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/buy/identify$`));
  await expectAccessible(page);
  await page.locator('input[name="idKind"][value="PIN"]').check();
  await next(page, "buy-identify");
  await expect(page).toHaveURL(/\/buy\/pin$/);
  await expectAccessible(page);
  await page.locator("#pin").fill(pin);
  await next(page, "buy-pin");
}

async function nameAndPhone(page: Page, last: string, first: string, phone = "0700 123 456") {
  await expect(page).toHaveURL(/\/buy\/name$/);
  await expectAccessible(page);
  await page.locator("#lastName").fill(last);
  await page.locator("#firstName").fill(first);
  await next(page, "buy-name");
  await expect(page).toHaveURL(/\/buy\/phone$/);
  await expectAccessible(page);
  await page.locator("#phone").fill(phone);
  await next(page, "buy-phone");
  await expect(page).toHaveURL(/\/buy\/category$/);
  await expectAccessible(page);
}

async function chooseCategory(page: Page, category: string) {
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await next(page, "buy-category");
}

async function confirmAndReachBank(page: Page, price: number) {
  await expect(page).toHaveURL(/\/buy\/check$/);
  await expect(page.getByTestId("answer-price")).toHaveText(money(price));
  await expectAccessible(page);
  await next(page, "buy-check");
  await expect(page.getByTestId("test-acquirer-banner")).toBeVisible();
  await expect(page.getByTestId("acquirer-amount")).toHaveText(money(price));
  await expectAccessible(page);
}

for (const { locale, buy, rules, common } of LANGS) {
  test.describe(`buying a policy online in ${locale}`, () => {
    test("a citizen buys a 12-month policy for 1840 som and sees the number and dates", async ({ page }) => {
      const pin = uniquePin();
      await page.goto(`/${locale}/buy/identify`);
      // A missing answer: error summary that takes focus, links to the field, and "Error:" in the title.
      await next(page, "buy-identify");
      const summary = page.getByTestId("error-summary");
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: buy.errors.idKindRequired })).toHaveAttribute("href", "#idKind");
      await expect(page).toHaveTitle(new RegExp(`^${common.errorTitlePrefix}`));
      await expectAccessible(page);

      await startWithPin(page, locale, pin);
      await nameAndPhone(page, "Асанов", "Бакыт");
      await chooseCategory(page, "CITIZEN"); // one term only: the term question is skipped
      await expect(page.getByTestId("answer-pin")).toHaveText(pin);
      await expect(page.getByTestId("answer-phone")).toHaveText("+996 700 123 456");
      await confirmAndReachBank(page, 1840);
      await page.getByTestId("acquirer-pay").click();

      await expect(page.getByTestId("order-paid")).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${locale}/orders/[A-Za-z0-9_-]{43}$`));
      await expect(page.getByTestId("policy-number")).toHaveText(/^E-\d{4}-\d{7}$/);
      const paymentDay = bishkekDate(new Date());
      const from = addDays(paymentDay, 5); // cl. 5
      const to = validThrough(from, 12);
      await expect(page.getByTestId("answer-price")).toHaveText(money(1840));
      await expect(page.getByTestId("answer-paymentDay")).toHaveText(longDate(locale, paymentDay));
      await expect(page.getByTestId("answer-validFrom")).toHaveText(longDate(locale, from));
      await expect(page.getByTestId("answer-validTo")).toHaveText(longDate(locale, to));
      await expect(page.getByTestId("five-days")).toContainText(longDate(locale, from));
      await expectAccessible(page);

      // The bookmark works again, the PDF downloads, and the status check knows the policy (as `next`).
      const url = page.url();
      await page.goto(url);
      await expect(page.getByTestId("order-paid")).toBeVisible();
      const pdf = await page.request.get((await page.getByTestId("receipt-pdf").getAttribute("href")) as string);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      const status = await (await page.request.get(`/api/v1/status?pin=${pin}`)).json();
      expect(status.next).toMatchObject({ validFrom: from, validTo: to });
      // Without the right secret the page reveals nothing.
      const wrong = await page.goto(url.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
      expect(wrong?.status()).toBe(404);
      await expect(page.getByTestId("order-paid")).toHaveCount(0);
    });

    test("a foreigner without a PIN chooses 6 months and pays 5955", async ({ page }) => {
      const documentNumber = `E2E${randomInt(10_000_000, 99_999_999)}`;
      await page.goto(`/${locale}/buy/identify`);
      await page.locator('input[name="idKind"][value="DOCUMENT"]').check();
      await next(page, "buy-identify");
      await expect(page).toHaveURL(/\/buy\/document$/);
      await expectAccessible(page);
      await page.locator("#documentType").selectOption("FOREIGN_PASSPORT");
      await page.locator("#documentNumber").fill(documentNumber);
      await page.locator("#birthDate").fill("1990-01-01");
      await page.locator('input[name="sex"][value="MALE"]').check();
      await next(page, "buy-document");
      await nameAndPhone(page, "Smith", "John", "+996 555 123 456");
      await chooseCategory(page, "FOREIGNER");
      await expect(page).toHaveURL(/\/buy\/term$/);
      await expectAccessible(page);
      await page.locator('input[name="termMonths"][value="6"]').check();
      await next(page, "buy-term");
      await expect(page.getByTestId("answer-document")).toContainText(documentNumber);
      await confirmAndReachBank(page, 5955);
      await page.getByTestId("acquirer-pay").click();

      await expect(page.getByTestId("order-paid")).toBeVisible();
      const from = addDays(bishkekDate(new Date()), 5);
      await expect(page.getByTestId("answer-price")).toHaveText(money(5955));
      await expect(page.getByTestId("answer-term")).toHaveText(locale === "ru" ? "6 месяцев" : "6 ай");
      await expect(page.getByTestId("answer-validFrom")).toHaveText(longDate(locale, from));
      await expect(page.getByTestId("answer-validTo")).toHaveText(longDate(locale, validThrough(from, 6)));
      await expectAccessible(page);
    });

    test("a 15-year-old citizen is stopped with the explanation", async ({ page }) => {
      const year = Number(bishkekDate(new Date()).slice(0, 4)) - 15;
      await startWithPin(page, locale, uniquePin(`${year}-01-01`, 1));
      await nameAndPhone(page, "Асанова", "Айпери");
      await chooseCategory(page, "CITIZEN");
      await expect(page).toHaveURL(/\/buy\/not-eligible$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(buy.notEligible.insuredTitle);
      await expect(page.getByTestId("refusal-CITIZEN_UNDER_16")).toHaveText(rules.refusal.CITIZEN_UNDER_16);
      await expectAccessible(page);
    });

    test("an insured person is told not to buy", async ({ page }) => {
      // Insured another way (employment): no sale at all (cl. 12.2, 19).
      await startWithPin(page, locale, EMPLOYED_PIN);
      await expect(page).toHaveURL(/\/buy\/not-eligible$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(buy.notEligible.insuredTitle);
      await expect(page.getByTestId("refusal-INSURED_ELSEWHERE")).toHaveText(rules.refusal.INSURED_ELSEWHERE);
      await expectAccessible(page);

      // Insured by an own policy: told there is no need now; paying for the next one is offered (SPEC §3).
      await page.goto(`/${locale}/buy/identify`);
      await page.locator('input[name="idKind"][value="PIN"]').check();
      await next(page, "buy-identify");
      await page.locator("#pin").fill(INSURED_PIN);
      await next(page, "buy-pin");
      await expect(page).toHaveURL(/\/buy\/insured$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(buy.insured.title);
      await expect(page.getByTestId("insured-explanation")).toContainText("P-DEMO-000001");
      await expectAccessible(page);
    });

    test("a declined payment creates nothing, and paying again works", async ({ page }) => {
      const pin = uniquePin("1992-07-20", 1);
      await startWithPin(page, locale, pin);
      await nameAndPhone(page, "Токтогулова", "Динара");
      await chooseCategory(page, "CITIZEN");
      await confirmAndReachBank(page, 1840);
      await page.getByTestId("acquirer-decline").click();

      await expect(page.getByTestId("order-declined")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(buy.order.declinedTitle);
      await expectAccessible(page);
      const status = await (await page.request.get(`/api/v1/status?pin=${pin}`)).json();
      expect(status).toMatchObject({ insured: false, coverage: null, next: null });

      await page.getByTestId("order-retry").locator("button").click();
      await expect(page.getByTestId("test-acquirer-banner")).toBeVisible();
      await page.getByTestId("acquirer-pay").click();
      await expect(page.getByTestId("order-paid")).toBeVisible();
      const after = await (await page.request.get(`/api/v1/status?pin=${pin}`)).json();
      expect(after.next?.policyNumber).toMatch(/^E-/);
    });
  });
}

test("a foreign student pays half online, then the second half extends the same policy (issue 9; cl. 4 note)", async ({
  page,
}) => {
  const pin = uniquePin("2004-02-10");
  await startWithPin(page, "ru", pin);
  await nameAndPhone(page, "Ким", "Минсу");
  await chooseCategory(page, "FOREIGN_STUDENT");
  await expect(page).toHaveURL(/\/buy\/term$/);
  await expectAccessible(page);
  await page.locator('input[name="termMonths"][value="12h"]').check();
  await next(page, "buy-term");
  await expect(page.getByTestId("check-note")).toBeVisible();
  await confirmAndReachBank(page, 5955);
  await page.getByTestId("acquirer-pay").click();
  await expect(page.getByTestId("order-paid")).toBeVisible();
  const number = (await page.getByTestId("policy-number").textContent())!;
  const from = addDays(bishkekDate(new Date()), 5);
  await expect(page.getByTestId("answer-validTo")).toHaveText(longDate("ru", validThrough(from, 6)));

  // The same PIN again: the portal offers only the second half of that policy.
  await startWithPin(page, "ru", pin);
  await expect(page).toHaveURL(/\/buy\/name$/);
  await page.locator("#lastName").fill("Ким");
  await page.locator("#firstName").fill("Минсу");
  await next(page, "buy-name");
  await page.locator("#phone").fill("0700 123 456");
  await next(page, "buy-phone");
  await expect(page).toHaveURL(/\/buy\/check$/);
  await expect(page.getByTestId("check-note")).toContainText(ruBuy.check.secondHalfNote.split(":")[0]!);
  await confirmAndReachBank(page, 5955);
  await page.getByTestId("acquirer-pay").click();
  await expect(page.getByTestId("order-paid")).toBeVisible();
  await expect(page.getByTestId("policy-number")).toHaveText(number);
  await expect(page.getByTestId("answer-validTo")).toHaveText(longDate("ru", validThrough(from, 12)));
  const status = await (await page.request.get(`/api/v1/status?pin=${pin}`)).json();
  expect(status.next).toMatchObject({ policyNumber: number, validFrom: from, validTo: validThrough(from, 12) });
});
