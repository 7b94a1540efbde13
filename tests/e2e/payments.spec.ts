import { expect, test } from "@playwright/test";
import ruAuth from "../../lib/i18n/messages/ru/auth.json" with { type: "json" };
import ruErrors from "../../lib/i18n/messages/ru/errors.json" with { type: "json" };
import ruApprovals from "../../lib/i18n/messages/ru/approvals.json" with { type: "json" };
import ruPayments from "../../lib/i18n/messages/ru/payments.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

/** A valid PIN (SPEC §8) unique to this run and worker. */
function uniquePin(seed: number): string {
  const serial = String((Date.now() + seed * 7919) % 100_000).padStart(5, "0");
  return `2${String(1 + (seed % 28)).padStart(2, "0")}0519${80 + (seed % 19)}${serial}`;
}

function yesterdayInBishkek(): string {
  return new Date(Date.now() + 6 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
}

test("a clerk registers a bank cash-desk receipt once, and sees it in the person's statement", async ({ page }) => {
  const pin = uniquePin(1);
  const receipt = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, "clerk.bishkek");
  await page.goto("/ru/staff/office/cash-desk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ruPayments.cashDesk.title);
  await expectAccessible(page);
  const form = page.getByTestId("cash-receipt-form");
  const fill = async () => {
    await form.locator("#receiptNumber").fill(receipt);
    await form.locator("#pin").fill(pin);
    await form.locator("#fullName").fill("Токтосунов Бекзат Асанович");
    await form.locator("#phone").fill("0700 555 111");
    await form.locator("#paidOn").fill(yesterdayInBishkek());
    await form.locator("#amountSom").fill("1840");
  };
  await fill();
  await form.getByRole("button").click();
  await expect(page.getByTestId("receipt-registered")).toContainText(/E-\d{4}-\d{7}/);
  await expectAccessible(page);

  // The same receipt again: refused, with the reason, nothing created.
  await fill();
  await form.getByRole("button").click();
  await expect(page.getByTestId("error-summary")).toContainText(ruErrors.receiptAlreadyRegistered);
  await expectAccessible(page);

  await page.goto("/ru/staff/statement");
  await expectAccessible(page);
  await page.getByTestId("statement-form").locator("#pin").fill(pin);
  await page.getByTestId("statement-form").getByRole("button").click();
  await expect(page.getByTestId("statement-table")).toContainText("1 840");
  await expect(page.getByTestId("statement-table").locator("tbody tr")).toHaveCount(1);
  await expectAccessible(page);
});

test("Fund staff reconcile a provider's registry: register a missing line in one click; the same file again changes nothing", async ({
  page,
}) => {
  const txn = String(Date.now()).slice(-12);
  const pin = uniquePin(2);
  const day = yesterdayInBishkek().replace(/-/g, "");
  const csv = `txn_id,txn_date,account,sum\n${txn},${day}120000,${pin},1840\n`;
  await signIn(page, "refunds");
  await page.goto("/ru/staff/fund/reconciliation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ruPayments.reconciliation.title);
  await expectAccessible(page);
  const form = page.getByTestId("registry-upload-form");
  await form.locator("#provider").selectOption("pay24");
  await form.locator("#file").setInputFiles({ name: "pay24.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await form.getByRole("button", { name: ruPayments.reconciliation.submit }).click();
  await expect(page).toHaveURL(/\/ru\/staff\/fund\/reconciliation\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("count-missing-ours")).toHaveText("1");
  await expectAccessible(page);
  await page.getByTestId(`register-${txn}`).getByRole("button").click();
  await expect(page.getByTestId(`line-${txn}`)).toContainText(/E-\d{4}-\d{7}/);

  await page.goto("/ru/staff/fund/reconciliation");
  await page.getByTestId("registry-upload-form").locator("#provider").selectOption("pay24");
  await page
    .getByTestId("registry-upload-form")
    .locator("#file")
    .setInputFiles({ name: "pay24-again.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page
    .getByTestId("registry-upload-form")
    .getByRole("button", { name: ruPayments.reconciliation.submit })
    .click();
  await expect(page.getByTestId("reused")).toBeVisible();
  await expectAccessible(page);
});

test("the payment pages belong to their roles", async ({ page }) => {
  await signIn(page, "doctor");
  await expect(page).not.toHaveURL(/sign-in/);
  for (const path of ["/ru/staff/office/cash-desk", "/ru/staff/fund/reconciliation", "/ru/staff/statement"]) {
    await page.goto(path);
    await expect(page.getByTestId("forbidden")).toHaveText(ruAuth.forbiddenTitle);
  }
});

test("hole 4: a receipt older than the window is held for a second clerk; its requester sees it waiting, undecidable", async ({
  page,
}) => {
  const pin = uniquePin(3);
  const receipt = `E2E-LATE-${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, "clerk.bishkek");
  await page.goto("/ru/staff/office/cash-desk");
  const form = page.getByTestId("cash-receipt-form");
  await form.locator("#receiptNumber").fill(receipt);
  await form.locator("#pin").fill(pin);
  await form.locator("#fullName").fill("Токтосунов Бекзат Асанович");
  await form.locator("#phone").fill("0700 555 111");
  // older than the e2e server's window (PAYMENT_DATE_WINDOW_DAYS=14 in tests/e2e/serve.ts)
  await form.locator("#paidOn").fill(new Date(Date.now() + 6 * 3600_000 - 20 * 86_400_000).toISOString().slice(0, 10));
  await form.locator("#amountSom").fill("1840");
  await form.getByRole("button").click();
  await expect(page.getByTestId("receipt-held")).toContainText(ruApprovals.heldReceipt);
  await expectAccessible(page);

  await page.getByTestId("receipt-held").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ruApprovals.title);
  const row = page.getByTestId("approvals-table").locator("tr", { hasText: receipt });
  await expect(row).toContainText(ruApprovals.own);
  await expect(row.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);
});
