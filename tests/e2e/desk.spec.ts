import { expect, test, type Locator, type Page } from "@playwright/test";
import kyRules from "../../lib/i18n/messages/ky/rules.json" with { type: "json" };
import ruRules from "../../lib/i18n/messages/ru/rules.json" with { type: "json" };
import kyCommon from "../../lib/i18n/messages/ky/common.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import { pdfQrCodes, pdfText } from "../support/pdf-reader";
import { expectAccessible, signIn } from "./support";

// Issue 12, part A: the clerk's desk — find a walk-in person, tick the cl. 10 documents, link the terminal payment,
// the policy is there; an under-16 citizen is refused with the explanation; an EAEU worker's child gets a free policy;
// another office's clerk gets "not found". Every step from the keyboard: focus, type, Space, Enter.

const RULES = { ru: ruRules, ky: kyRules };
const COMMON = { ru: ruCommon, ky: kyCommon };
/** Demo people who paid at a terminal yesterday and have not been to a ТУ yet (prisma/demo-data.ts). */
const WALK_IN = {
  ru: { pin: "21408199200051", policy: "E-DEMO-000008" },
  ky: { pin: "12002198700062", policy: "E-DEMO-000009" },
};

let serial = 60000 + Math.floor(Math.random() * 30000);
function pin(sex: "FEMALE" | "MALE", birth: string): string {
  const [y, m, d] = birth.split("-");
  serial += 1 + Math.floor(Math.random() * 7);
  return `${sex === "FEMALE" ? 1 : 2}${d}${m}${y}${String(serial % 100_000).padStart(5, "0")}`;
}

async function type(field: Locator, text: string) {
  await field.focus();
  await field.page().keyboard.type(text);
}

async function press(target: Locator, key: "Enter" | "Space") {
  await target.focus();
  await target.press(key);
}

/** Registers a person through the form and lands on their file. */
async function register(
  page: Page,
  locale: string,
  p: { category?: string; lastName: string; firstName: string; pin: string; document?: [string, string] },
) {
  await page.goto(`/${locale}/staff/office/desk`);
  await press(page.getByTestId("register-person"), "Enter");
  const form = page.getByTestId("person-form");
  await expect(form).toBeVisible();
  await expectAccessible(page);
  if (p.category) await form.locator("#category").selectOption(p.category);
  await type(form.locator("#lastName"), p.lastName);
  await type(form.locator("#firstName"), p.firstName);
  await type(form.locator("#pin"), p.pin);
  if (p.document) {
    await form.locator("#documentType").selectOption(p.document[0]);
    await type(form.locator("#documentNumber"), p.document[1]);
    await type(form.locator("#citizenship"), "KZ");
  }
  await form.locator("#phone").press("Enter");
  await expect(page.getByTestId("person-name")).toContainText(p.lastName);
}

async function openApplicationForm(page: Page) {
  await press(page.getByTestId("new-application"), "Enter");
  await expect(page.getByTestId("application-form")).toBeVisible();
  await expectAccessible(page);
}

async function tickAll(page: Page) {
  for (const box of await page.getByTestId("documents").locator("input[type=checkbox]").all())
    await press(box, "Space");
}

for (const locale of ["ru", "ky"] as const) {
  test(`a clerk serves a walk-in citizen who paid at a terminal, and another office gets "not found" (${locale})`, async ({
    page,
    browser,
  }) => {
    test.slow(); // many pages, each scanned twice by axe, and a second browser context
    const walkIn = WALK_IN[locale];
    await signIn(page, "clerk.bishkek", locale);
    await page.goto(`/${locale}/staff/office/desk`);
    await expectAccessible(page);
    await type(page.locator("#q"), walkIn.pin);
    await page.locator("#q").press("Enter");
    const hit = page.getByTestId("search-hit");
    await expect(hit).toHaveCount(1);
    expect(page.url()).not.toContain(walkIn.pin);
    await expectAccessible(page);

    await press(hit, "Enter");
    await expect(page.getByTestId("person-status")).toBeVisible();
    await expect(page.getByTestId("person-payments")).toContainText(walkIn.policy);
    await expectAccessible(page);

    await openApplicationForm(page);
    await tickAll(page);
    // The terminal payment is the person's only free payment: it is preselected.
    await expect(page.getByTestId("application-form").locator("input[name=paymentId]").first()).toBeChecked();
    await press(page.getByTestId("application-form").getByRole("button"), "Enter");
    await expect(page.getByTestId("application-accepted")).toContainText(walkIn.policy);
    await expectAccessible(page);
    const applicationUrl = new URL(page.url()).pathname;

    // The policy is there, in this office: its record page opens (the paper policy is made from it).
    await press(page.getByTestId("open-policy"), "Enter");
    await expect(page.getByTestId("policy-title")).toContainText(walkIn.policy);

    // Printed (issue 12): the PDF has the number; its QR code opens the public page with the policy's dates, which
    // says it is paid and not yet in force (paid at the terminal yesterday: valid from payment + 5 days, cl. 5).
    const pdf = await page.request.get((await page.getByTestId("print-policy").getAttribute("href"))!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.body());
    expect(await pdfText(bytes)).toContain(walkIn.policy);
    const [verifyUrl] = await pdfQrCodes(bytes);
    expect(verifyUrl).toMatch(new RegExp(`/${locale}/verify/${walkIn.policy}/[A-Za-z0-9_-]{16}$`));
    const visitor = await (await browser.newContext()).newPage();
    expect((await visitor.goto(verifyUrl!))?.status()).toBe(200);
    await expect(visitor.getByTestId("verify-verdict")).toHaveAttribute("data-validity", "NOT_YET");
    await expect(visitor.getByTestId("verify-from")).toBeVisible();
    await expect(visitor.locator("main")).not.toContainText(walkIn.pin);

    // The office's list shows it with its cl. 15 deadline.
    await page.goto(`/${locale}/staff/office/applications?due=1`);
    await expect(page.getByTestId("applications")).toContainText(walkIn.policy);
    await expectAccessible(page);

    // The paper policy is made (cl. 15): recorded on the application, it leaves the list of policies to make.
    await page.goto(applicationUrl);
    await press(page.getByTestId("policy-made-form").getByRole("button"), "Enter");
    await expect(page.getByTestId("policy-made")).toBeVisible();
    await page.goto(`/${locale}/staff/office/applications?due=1`);
    await expect(page.getByTestId("due-counts")).toBeVisible();
    await expect(page.locator("main")).not.toContainText(walkIn.policy);

    // Another office's clerk opens the application by its URL: "not found".
    const osh = await (await browser.newContext()).newPage();
    await signIn(osh, "clerk.osh");
    const res = await osh.goto(applicationUrl);
    expect(res?.status()).toBe(404);
    await expect(osh.getByRole("heading", { level: 1 })).toHaveText(COMMON[locale].notFound.title);
  });

  test(`an under-16 citizen is refused with the explanation (${locale})`, async ({ page }) => {
    await signIn(page, "clerk.bishkek", locale);
    await register(page, locale, { lastName: "Алиев", firstName: "Тимур", pin: pin("MALE", "2015-06-01") });
    await openApplicationForm(page);
    await tickAll(page);
    await press(page.getByTestId("application-form").getByRole("button"), "Enter");
    await expect(page.getByTestId("application-refused")).toBeVisible();
    await expect(page.getByTestId("refusal-CITIZEN_UNDER_16")).toHaveText(RULES[locale].refusal.CITIZEN_UNDER_16);
    await expectAccessible(page);
  });

  test(`an EAEU worker's child gets a free policy (${locale})`, async ({ page }) => {
    await signIn(page, "clerk.bishkek", locale);
    await register(page, locale, {
      category: "EAEU_CHILD",
      lastName: "Нурланова",
      firstName: "Айым",
      pin: pin("FEMALE", "2016-09-09"),
      document: ["BIRTH_CERTIFICATE", `BC${serial}`],
    });
    await openApplicationForm(page);
    await tickAll(page);
    await press(page.getByTestId("application-form").locator("input[name=paymentId][value=none]"), "Space");
    await press(page.getByTestId("application-form").getByRole("button"), "Enter");
    await expect(page.getByTestId("application-accepted")).toBeVisible();
    await expectAccessible(page);
    await press(page.getByTestId("open-policy"), "Enter");
    await expect(page.getByTestId("policy-title")).toBeVisible();
  });
}
