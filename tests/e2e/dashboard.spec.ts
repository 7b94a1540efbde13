import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import kyDashboard from "../../lib/i18n/messages/ky/dashboard.json" with { type: "json" };
import ruDashboard from "../../lib/i18n/messages/ru/dashboard.json" with { type: "json" };
import ruRegistries from "../../lib/i18n/messages/ru/registries.json" with { type: "json" };
import kyStaff from "../../lib/i18n/messages/ky/staff.json" with { type: "json" };
import ruStaff from "../../lib/i18n/messages/ru/staff.json" with { type: "json" };
import { TERRITORIAL_OFFICES } from "../../prisma/reference-data";
import { expectAccessible, signIn } from "./support";

// Issue 15: the Fund analyst's dashboard and the national registries.

const OSH = TERRITORIAL_OFFICES.find((o) => o.code === "OSH")!;
const DEMO_PIN = "21505198500017"; // Сыдыков Эрлан, demo data
const MASKED = "215••••••••017";

/** The numbers of a dashboard table's rows as the page shows them: [label…, numbers…] with the digits only. */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page
    .getByTestId(`dashboard-table-${id}`)
    .evaluate((table) =>
      [...table.querySelectorAll("tbody tr, tfoot tr")].map((tr) =>
        [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()),
      ),
    );
}

const digits = (s: string) => s.replace(/[^\d-]/g, "");

for (const locale of ["ru", "ky"] as const) {
  const msg = locale === "ru" ? ruDashboard : kyDashboard;
  const staff = locale === "ru" ? ruStaff : kyStaff;
  const officeName = locale === "ru" ? OSH.nameRu : OSH.nameKy;

  test(`an analyst filters the dashboard to one office and downloads its CSV (${locale})`, async ({ page }) => {
    await signIn(page, "analyst", locale);
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/fund$`));
    await expect(page.getByTestId("staff-role")).toHaveText(staff.roles.ANALYST);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(staff.fund.title);
    // charts drawn by the chart library, each with its table
    await expect(page.getByTestId("dashboard-chart").first()).toBeVisible();
    await expect(page.getByTestId("dashboard-table-channel")).toBeVisible();
    await expectAccessible(page);

    await page.getByTestId("dashboard-filter").locator("#office").selectOption("OSH");
    await page.getByTestId("dashboard-apply").click();
    await expect(page).toHaveURL(/[?&]office=OSH/);
    await expect(page.getByTestId("dashboard-period")).toContainText(officeName);
    const rows = await tableRows(page, "office");
    // one office and the total
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]).toBe(officeName);
    expect(Number(digits(rows[0]![1]!))).toBeGreaterThanOrEqual(1); // P-DEMO-000004
    await expectAccessible(page);

    const link = page.getByTestId("dashboard-csv-office");
    expect(await link.getAttribute("href")).toContain("office=OSH");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^oms-dashboard-office-OSH-.*\.csv$/);
    const csv = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    // the same numbers as the table on the screen: the office's row and the total
    expect(parse(csv) as string[][]).toEqual([
      [msg.columns.office, msg.columns.policies, msg.columns.revenue],
      [officeName, digits(rows[0]![1]!), digits(rows[0]![2]!)],
      [msg.total, digits(rows[1]![1]!), digits(rows[1]![2]!)],
    ]);
  });
}

test("a bad filter is refused with a translated message and the defaults shown", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/ru/staff/fund?from=2026-13&office=OSH");
  await expect(page.getByTestId("dashboard-errors")).toContainText(ruDashboard.errors.month);
  await expect(page.getByTestId("dashboard-period")).toContainText(ruDashboard.wholeCountry);
  await expectAccessible(page);
});

test("the chart library is loaded on the dashboard only, never by a citizen's page", async ({ page }) => {
  // a message of chart.js that survives minification
  const MARKER = "Canvas is already in use";
  const scriptsWith = async () => {
    const srcs = await page.evaluate(() =>
      [...document.querySelectorAll("script[src]")].map((s) => (s as HTMLScriptElement).src),
    );
    const hits = [];
    for (const src of srcs) if ((await (await page.request.get(src)).text()).includes(MARKER)) hits.push(src);
    return hits;
  };
  await signIn(page, "analyst");
  await expect(page.getByTestId("dashboard-chart").first()).toBeVisible();
  expect(await scriptsWith()).not.toHaveLength(0);
  for (const path of ["/ru", "/ru/status", "/ky/buy"]) {
    await page.goto(path);
    expect(await scriptsWith(), path).toEqual([]);
  }
});

test("other staff are refused the dashboard, its CSV and the registries", async ({ page }) => {
  await signIn(page, "clerk.bishkek");
  for (const path of ["/ru/staff/fund", "/ru/staff/registries/persons"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/ru\/staff\/forbidden$/);
  }
  expect((await page.request.get("/ru/staff/fund/csv/office")).status()).toBe(403);
  expect((await page.request.get("/ru/staff/registries/csv/persons")).status()).toBe(403);
});

for (const locale of ["ru", "ky"] as const) {
  test(`registries: a PIN is masked in the list and whole on the audited record page (${locale})`, async ({ page }) => {
    await signIn(page, "analyst", locale);
    await page.goto(`/${locale}/staff/registries/persons`);
    await expectAccessible(page);
    const search = page.getByTestId("registry-search");
    await search.locator("#text").fill(DEMO_PIN);
    await search.getByRole("button").click();
    await expect(page.getByTestId("registry-search-active")).toBeVisible();
    expect(page.url()).not.toContain(DEMO_PIN);
    await expect(page.getByTestId("registry-pin")).toHaveText([MASKED]);
    await expect(page.getByTestId("registry-table")).not.toContainText(DEMO_PIN);
    await expectAccessible(page);

    // the CSV keeps the search and the mask
    const csv = await (await page.request.get((await page.getByTestId("registry-csv").getAttribute("href"))!)).text();
    expect(csv).toContain(MASKED);
    expect(csv).not.toContain(DEMO_PIN);

    await page.getByTestId("registry-pin").click();
    await expect(page.getByTestId("record-pin")).toHaveText(DEMO_PIN);
    expect(page.url()).not.toContain(DEMO_PIN);
    await expectAccessible(page);

    // policies and payments lists mask too
    for (const kind of ["policies", "payments"]) {
      await page.goto(`/${locale}/staff/registries/${kind}`);
      await expect(page.getByTestId("registry-table")).toBeVisible();
      await expect(page.locator("body")).not.toContainText(DEMO_PIN);
      await expectAccessible(page);
    }
  });
}

test("registries: a search too short is refused with a translated error, nothing shown as found", async ({ page }) => {
  await signIn(page, "analyst");
  await page.goto("/ru/staff/registries/policies");
  const search = page.getByTestId("registry-search");
  await search.locator("#text").fill("P");
  await search.getByRole("button").click();
  await expect(page.getByTestId("error-summary")).toContainText(ruRegistries.errors.searchTooShort);
  await expect(page.getByTestId("registry-search-active")).toHaveCount(0);
});
