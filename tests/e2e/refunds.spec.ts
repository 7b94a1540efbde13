import { expect, test, type Browser, type Page } from "@playwright/test";
import kyRefunds from "../../lib/i18n/messages/ky/refunds.json" with { type: "json" };
import kyRules from "../../lib/i18n/messages/ky/rules.json" with { type: "json" };
import ruRefunds from "../../lib/i18n/messages/ru/refunds.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

// Issue 14: a refund from the office's claim to the treasury transfer, the rules refusing a late claim, and the
// preparer never deciding their own case. Demo data (prisma/demo-data.ts): E-DEMO-000005 (insured by employment when
// bought), E-DEMO-000006 (paid 31 days ago), R-DEMO-000001 (prepared by refunds.preparer).

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const bishkekDay = (offsetDays = 0) =>
  new Date(Date.now() + 6 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function as(browser: Browser, login: string, locale: "ru" | "ky"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login, locale);
  return page;
}

async function openCase(page: Page, locale: "ru" | "ky", policyNumber: string) {
  await page.goto(`/${locale}/staff/office/refunds`);
  await expectAccessible(page);
  await page.getByTestId("open-refund-form").locator("#policyNumber").fill(policyNumber);
  await page.getByTestId("open-refund-form").locator("button[type=submit]").click();
  await page.waitForURL(/\/staff\/office\/refunds\/[0-9a-f-]{36}$/);
}

async function fillDetails(page: Page, values: { ground: string; claimant: string; deathDate?: string }) {
  const form = page.getByTestId("refund-details-form");
  await form.locator(`input[name=ground][value=${values.ground}]`).check();
  await form.locator("#claimantRelation").selectOption(values.claimant);
  await form.locator("#claimantName").fill("Бекова Гульнара Садыковна");
  await form.locator("#claimantDocument").fill("ID0721052");
  if (values.deathDate) await form.locator("#deathDate").fill(values.deathDate);
  await form.locator("#bankName").fill("Демир Банк");
  await form.locator("#bankAccount").fill("1180 0000 1234 5678");
  await form.locator("button[type=submit]").click();
  await page.waitForLoadState("networkidle");
}

async function upload(page: Page, code: string, name: string, buffer: Buffer, mimeType = "application/pdf") {
  const form = page.getByTestId("refund-upload-form");
  await form.locator("#code").selectOption(code);
  await form.locator("#file").setInputFiles({ name, mimeType, buffer });
  await form.locator("button[type=submit]").click();
  await page.waitForLoadState("networkidle");
}

test("a clerk prepares a ground-2 refund, the letter, the Fund approves and records the transfer (ru)", async ({
  browser,
}) => {
  test.setTimeout(240_000); // two staff sessions, four uploads, three PDFs and eight axe scans
  const clerk = await as(browser, "clerk.bishkek", "ru");
  await openCase(clerk, "ru", "e-demo-000005");
  await fillDetails(clerk, { ground: "ALREADY_INSURED", claimant: "BENEFICIARY" });
  await expect(clerk.getByTestId("refund-verdict").locator("li")).toHaveCount(0);

  // A renamed executable is refused by its content, with a clear message; nothing is attached.
  await upload(clerk, "CLAIM_APPLICATION", "application.pdf", Buffer.from("MZ\x90\x00\x03\x00PE\x00\x00"));
  await expect(clerk.getByTestId("file-error")).toHaveText(ruRefunds.errors.fileWrongType);
  await expect(clerk.getByTestId("attached-documents")).toHaveCount(0);

  const codes = ["PAYMENT_RECEIPT_COPY", "CLAIM_APPLICATION", "CLAIMANT_PASSPORT_COPY"];
  for (const [i, code] of codes.entries()) {
    await upload(clerk, code, `${code.toLowerCase()}.pdf`, PDF);
    // the page comes back with the document listed before the next one is chosen
    await expect(clerk.getByTestId("attached-documents").locator("li")).toHaveCount(i + 1);
  }
  await expect(clerk.getByTestId("attached-documents").locator("li")).toHaveCount(3);
  await expectAccessible(clerk);
  await clerk.getByTestId("refund-send-form").locator("button[type=submit]").click();
  await expect(clerk.getByTestId("refund-sent")).toBeVisible();
  await expectAccessible(clerk);
  for (const lang of ["ru", "ky"]) {
    const href = await clerk.getByTestId(`letter-${lang}`).getAttribute("href");
    const letter = await clerk.request.get(href!);
    expect(letter.status()).toBe(200);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }
  const caseUrl = new URL(clerk.url());
  const caseId = caseUrl.pathname.split("/").pop()!;

  const officer = await as(browser, "refunds", "ru");
  await officer.goto("/ru/staff/fund/refunds?state=SENT&office=BISHKEK");
  await expectAccessible(officer);
  await officer.goto(`/ru/staff/fund/refunds/${caseId}`);
  await expectAccessible(officer);
  const doc = await officer.getByTestId("attached-documents").locator("a").first().getAttribute("href");
  expect((await officer.request.get(doc!)).headers()["content-type"]).toBe("application/pdf");
  await officer.getByTestId("refund-decision-form").locator("input[value=APPROVE]").check();
  await officer.getByTestId("refund-decision-form").locator("button[type=submit]").click();
  await expect(officer.getByTestId("case-state")).toHaveText(ruRefunds.state.APPROVED);
  await officer.getByTestId("refund-transfer-form").locator("#treasuryRef").fill("ПП-2026-0042");
  await officer.getByTestId("refund-transfer-form").locator("button[type=submit]").click();
  await expect(officer.getByTestId("case-state")).toHaveText(ruRefunds.state.PAID);
  await expectAccessible(officer);

  // The status check no longer shows the refunded policy (she stays insured through her employer).
  const status = await officer.request.get(`/api/v1/status?pin=12107198800052&on=${bishkekDay()}`);
  expect(JSON.stringify(await status.json())).not.toContain("E-DEMO-000005");
});

test("a death claim on day 31 is refused with the reason (ky)", async ({ browser }) => {
  const clerk = await as(browser, "clerk.osh", "ky");
  await openCase(clerk, "ky", "E-DEMO-000006");
  await fillDetails(clerk, { ground: "DEATH", claimant: "SPOUSE", deathDate: bishkekDay(-30) });
  await expect(clerk.getByTestId("refusal-CLAIM_AFTER_30_DAYS")).toContainText(
    kyRules.refundRefusal.CLAIM_AFTER_30_DAYS,
  );
  await expectAccessible(clerk);
  await clerk.getByTestId("refund-send-form").locator("button[type=submit]").click();
  await expect(clerk.getByTestId("error-summary")).toContainText(kyRefunds.errors.notEligible);
  await expect(clerk.getByTestId("case-state")).toHaveText(kyRefunds.state.DRAFT);
});

test("the preparer, a refund officer now, cannot approve their own case (ru)", async ({ browser }) => {
  const officer = await as(browser, "refunds.preparer", "ru");
  await officer.goto("/ru/staff/fund/refunds?state=SENT");
  await officer.getByRole("link", { name: "R-DEMO-000001" }).click();
  await expect(officer.getByTestId("own-case")).toHaveText(ruRefunds.decision.ownCase);
  await expectAccessible(officer);
  await officer.getByTestId("refund-decision-form").locator("input[value=APPROVE]").check();
  await officer.getByTestId("refund-decision-form").locator("button[type=submit]").click();
  await expect(officer.getByTestId("error-summary")).toContainText(ruRefunds.errors.ownCase);
  await expect(officer.getByTestId("case-state")).toHaveText(ruRefunds.state.SENT);
});
