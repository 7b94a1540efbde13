import { expect, test, type Page } from "@playwright/test";
import kyPrint from "../../lib/i18n/messages/ky/print.json" with { type: "json" };
import ruPrint from "../../lib/i18n/messages/ru/print.json" with { type: "json" };
import { addDays, addMonthsClamped } from "../../lib/rules";
import { pdfQrCodes, pdfText } from "../support/pdf-reader";
import { expectAccessible, signIn } from "./support";

// Issue 12 part B: a clerk prints a paid policy of their office, its QR code opens the public verification page
// ("valid", with the dates), records the hand-over from the keyboard and prints the day's journal; another office's
// clerk gets "not found"; an altered signature is a 404.

const PRINT = { ru: ruPrint, ky: kyPrint };

function bishkekToday(): string {
  return new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 10);
}

const numeric = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
const longDate = (locale: string, day: string) =>
  new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Bishkek" }).format(
    new Date(`${day}T12:00:00+06:00`),
  );

/** A valid PIN (SPEC §8) unique to this run. */
function uniquePin(seed: number): string {
  const serial = String((Date.now() + seed * 7919) % 100_000).padStart(5, "0");
  return `2${String(1 + (seed % 28)).padStart(2, "0")}0419${80 + (seed % 19)}${serial}`;
}

/** Presses Enter on an element reached by focus, as a keyboard user does. */
async function pressOn(page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.focus();
  await page.keyboard.press("Enter");
}

/** A paid policy of the clerk's office: a bank cash-desk receipt paid 10 days ago (in force for 5 days already). */
async function paidOfficePolicy(page: Page, pin: string) {
  const paidOn = addDays(bishkekToday(), -10);
  await page.goto(`/ru/staff/office/cash-desk`);
  const form = page.getByTestId("cash-receipt-form");
  await form.locator("#receiptNumber").fill(`E2E-P-${Date.now().toString(36).toUpperCase()}${pin.slice(-3)}`);
  await form.locator("#pin").fill(pin);
  await form.locator("#fullName").fill("Бекова Айнура Токтогуловна");
  await form.locator("#phone").fill("0700 555 222");
  await form.locator("#paidOn").fill(paidOn);
  await form.locator("#amountSom").fill("1840");
  await form.getByRole("button").click();
  const done = page.getByTestId("receipt-registered");
  await expect(done).toContainText(/E-\d{4}-\d{7}/);
  const number = (await done.textContent())!.match(/E-\d{4}-\d{7}/)![0];
  const href = (await done.getByRole("link").getAttribute("href"))!;
  const from = addDays(paidOn, 5);
  return { number, href, from, to: addDays(addMonthsClamped(from, 12), -1) };
}

for (const [i, locale] of (["ru", "ky"] as const).entries()) {
  test(`${locale}: print the policy, its QR code opens "valid" with the dates; another office gets "not found"`, async ({
    page,
    browser,
  }) => {
    // Three PDFs read back and three pages scanned by axe (desktop and phone each): longer than the default.
    test.setTimeout(150_000);
    const t = PRINT[locale];
    const pin = uniquePin(40 + i);
    await signIn(page, "clerk.bishkek");
    const policy = await paidOfficePolicy(page, pin);
    const policyPath = policy.href.replace(/^\/ru\//, `/${locale}/`);

    // The record page, in the test's language.
    await page.goto(policyPath);
    await expect(page.getByTestId("policy-title")).toContainText(policy.number);
    await expect(page.getByTestId("print-policy")).toHaveText(t.record.print);
    await expectAccessible(page);

    // The PDF: number, dates, holder; its QR code decodes to the verification page.
    const printHref = (await page.getByTestId("print-policy").getAttribute("href"))!;
    expect(printHref).not.toContain(pin);
    const pdf = await page.request.get(printHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.body());
    const text = await pdfText(bytes);
    for (const s of [policy.number, numeric(policy.from), numeric(policy.to), pin, "Бекова Айнура Токтогуловна"]) {
      expect(text).toContain(s);
    }
    const [url] = await pdfQrCodes(bytes);
    expect(url).toMatch(new RegExp(`/${locale}/verify/${policy.number}/[A-Za-z0-9_-]{16}$`));
    // A second print is a re-print, marked on the form.
    expect(await pdfText(new Uint8Array(await (await page.request.get(printHref)).body()))).toContain(
      ruPrint.policy.reprint.replace(" {date}", ""),
    );

    // The public page, in a browser without the staff session: "valid" today with the dates, no name, no PIN.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    const response = await visitor.goto(url!);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByTestId("verify-verdict")).toHaveAttribute("data-validity", "VALID");
    await expect(visitor.getByTestId("verify-verdict")).toContainText(
      t.verify.valid.replace(/\{today\}.*$/, "").replace(/,\s*$/, ""),
    );
    await expect(visitor.getByTestId("verify-from")).toHaveText(longDate(locale, policy.from));
    await expect(visitor.getByTestId("verify-to")).toHaveText(longDate(locale, policy.to));
    await expect(visitor.locator("main")).not.toContainText(pin);
    await expect(visitor.locator("main")).not.toContainText("Бекова");
    await expectAccessible(visitor);
    // An altered signature, and a bare number: 404.
    const altered = url!.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await visitor.goto(altered))?.status()).toBe(404);
    expect((await visitor.goto(url!.replace(/\/[^/]+$/, "")))?.status()).toBe(404);
    await visitorContext.close();

    // A clerk of another office: the record and the PDF are "not found".
    const oshContext = await browser.newContext();
    const osh = await oshContext.newPage();
    await signIn(osh, "clerk.osh", locale);
    expect((await osh.goto(policyPath))?.status()).toBe(404);
    expect((await osh.request.get(printHref)).status()).toBe(404);
    await oshContext.close();
  });

  test(`${locale}: record the hand-over from the keyboard, print the day's journal, search it by PIN`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const t = PRINT[locale];
    const pin = uniquePin(50 + i);
    await signIn(page, "clerk.bishkek");
    const policy = await paidOfficePolicy(page, pin);
    const policyPath = policy.href.replace(/^\/ru\//, `/${locale}/`);

    // The hand-over, from the keyboard: the defaults are today and the holder; Enter on the button records it.
    await page.goto(policyPath);
    const form = page.getByTestId("handover-form");
    await expect(form.locator("#recipientName")).toHaveValue("Бекова Айнура Токтогуловна");
    await pressOn(page, form.getByRole("button"));
    await expect(page.getByTestId("handover-recorded")).toContainText("Бекова Айнура Токтогуловна");
    await expectAccessible(page);

    // The day's journal: the policy is handed over; its PDF lists it with a signature column.
    const today = bishkekToday();
    await page.goto(`/${locale}/staff/office/journal?from=${today}&to=${today}&status=HANDED_OVER`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.journal.title);
    const row = page.getByTestId("journal-row").filter({ hasText: policy.number });
    await expect(row.getByTestId("journal-status")).toHaveText(t.journal.HANDED_OVER);
    await expectAccessible(page);
    const journalPdf = await page.request.get((await page.getByTestId("journal-pdf").getAttribute("href"))!);
    expect(journalPdf.status()).toBe(200);
    const journalText = await pdfText(new Uint8Array(await journalPdf.body()));
    expect(journalText).toContain(policy.number);
    expect(journalText).toContain(t.journal.columns.signature);

    // Searching by PIN goes by POST: the PIN never lands in the address.
    await page.goto(`/${locale}/staff/office/journal`);
    await page.getByTestId("journal-who-form").locator("#who").fill(pin);
    await pressOn(page, page.getByTestId("journal-who-form").getByRole("button"));
    await expect(page.getByTestId("journal-who-active")).toBeVisible();
    expect(page.url()).not.toContain(pin);
    await expect(page.getByTestId("journal-row")).toHaveCount(1);
    await expect(page.getByTestId("journal-row")).toContainText(policy.number);
    await expectAccessible(page);
  });
}
