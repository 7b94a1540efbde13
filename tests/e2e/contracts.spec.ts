import { expect, test, type Page } from "@playwright/test";
import kyCommon from "../../lib/i18n/messages/ky/common.json" with { type: "json" };
import kyContracts from "../../lib/i18n/messages/ky/contracts.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import ruContracts from "../../lib/i18n/messages/ru/contracts.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

// Issue 12 part C (cl. 29–31): a clerk creates a contract with a legal entity, uploads a small list, sees the preview
// with the rejected rows and their reasons, confirms the payment and sees the policies issued — from the keyboard.

const TEXT = { ru: { c: ruContracts, common: ruCommon }, ky: { c: kyContracts, common: kyCommon } } as const;

let serial = Math.floor(Math.random() * 50_000);
/** SPEC §8: sex digit, DDMMYYYY, a 5-digit serial unique within the run. */
const pin = (birth: string, sex = 2) => {
  const [y, m, d] = birth.split("-");
  serial += 1;
  return `${sex}${d}${m}${y}${String(serial).padStart(5, "0")}`;
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Presses Enter on a control: the form is sent from the keyboard, as a clerk at a desk would. */
async function submitFrom(page: Page, selector: string) {
  await page.locator(selector).focus();
  await page.keyboard.press("Enter");
}

for (const locale of ["ru", "ky"] as const) {
  test(`a clerk lists persons under a contract and issues their policies (${locale})`, async ({ page }) => {
    const { c } = TEXT[locale];
    const number = `E2E-${locale}-${Date.now()}`;
    await signIn(page, "clerk.bishkek", locale);

    // The list of contracts, reached from the staff bar by keyboard.
    const nav = page.getByTestId("staff-bar").getByRole("link", { name: locale === "ru" ? "Договоры" : "Келишимдер" });
    await nav.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/office/contracts$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.title);
    await expectAccessible(page);

    await page.getByTestId("new-contract").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.form.createTitle);
    // A bad registration number is refused with a translated message and nothing is created.
    const form = page.getByTestId("contract-form");
    await form.locator("#number").fill(number);
    await form.locator("#entityName").fill("ОсОО «Ала-Тоо Курулуш»");
    await form.locator("#registrationNumber").fill("123");
    await form.locator("#validFrom").fill(day(-30));
    await form.locator("#validTo").fill(day(330));
    await form.locator("#contactName").fill("Айгуль Садыкова");
    await form.locator("#contactPhone").fill("+996 555 123 456");
    await submitFrom(page, "#contactPhone");
    await expect(page.getByTestId("error-summary")).toContainText(c.error.registrationNumber);
    await expectAccessible(page);
    await page.getByTestId("contract-form").locator("#registrationNumber").fill("02712200110054");
    await submitFrom(page, "#registrationNumber");
    await expect(page.getByTestId("contract-title")).toHaveText(c.detail.title.replace("{number}", number));
    await expectAccessible(page);

    // A small list: two valid rows, a malformed PIN, an impossible date, a child, a duplicate.
    const valid = [pin("1986-05-14"), pin("1991-11-02", 1)];
    const csv = [
      "last_name,first_name,patronymic,pin,document_type,document_number,category,term_months",
      `Асанов,Бакыт,Маратович,${valid[0]},,AN${serial}01,,`,
      `Иванова,Мария,,${valid[1]},KG_ID_CARD,ID${serial}02,CITIZEN,12`,
      `Петров,Пётр,,12345,,AN${serial}03,,`,
      `Сидоров,Сидор,,23102199000001,,AN${serial}04,,`,
      `Бала,Кичине,,${pin("2016-01-20")},,AN${serial}05,,`,
      `Асанов,Бакыт,,${valid[0]},,AN${serial}06,,`,
    ].join("\n");
    await page.locator("#file").setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await submitFrom(page, "[data-testid=contract-upload-form] button[type=submit]");

    // The preview: counts and every rejected row with its translated reason; nothing issued yet.
    await expect(page.getByTestId("import-state")).toHaveText(c.import.state.PREVIEW, { timeout: 30_000 });
    await expect(page.getByTestId("count-total")).toHaveText("6");
    await expect(page.getByTestId("count-accepted")).toHaveText("2");
    await expect(page.getByTestId("count-rejected")).toHaveText("4");
    await expect(page.getByTestId("rejected-row-4")).toContainText(c.reason.PIN_MALFORMED);
    await expect(page.getByTestId("rejected-row-5")).toContainText(c.reason.PIN_IMPOSSIBLE_DATE);
    await expect(page.getByTestId("rejected-row-6")).toContainText(c.reason.UNDER_16);
    await expect(page.getByTestId("rejected-row-7")).toContainText(c.reason.DUPLICATE_IN_FILE);
    await expectAccessible(page);

    // Confirm with one bank transfer for everyone.
    await page.getByTestId("confirm-import-form").locator("#paymentReference").fill(`PP-${Date.now()}-${locale}`);
    await submitFrom(page, "#paymentReference");
    await expect(page.getByTestId("import-done")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("count-issued")).toHaveText("2");
    await expectAccessible(page);

    // The contract lists both persons with their policies.
    await page.getByRole("link", { name: c.import.back }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("contract-persons")).toContainText(valid[0]!);
    await expect(page.getByTestId("contract-persons")).toContainText(valid[1]!);
    await expect(page.getByTestId("contract-persons").getByRole("link")).toHaveCount(2);
    await expectAccessible(page);

    // A clerk of another office opens the same contract by its URL: "not found".
    const url = page.url();
    await page.context().clearCookies();
    await signIn(page, "clerk.osh", locale);
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[locale].common.notFound.title);
  });
}
