import { expect, test } from "@playwright/test";
import kyAudit from "../../lib/i18n/messages/ky/audit.json" with { type: "json" };
import kyCoverage from "../../lib/i18n/messages/ky/coverage.json" with { type: "json" };
import ruAudit from "../../lib/i18n/messages/ru/audit.json" with { type: "json" };
import ruCoverage from "../../lib/i18n/messages/ru/coverage.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";

// Issue 15: the admin imports a small external-coverage file and sees the result (counts, the rejected row with its
// reason, the status API answering "external"); the audit viewer, filtered by action, shows that import readably.

/** A valid PIN (SPEC §8) with a random serial: each run imports other persons. */
function makePin(sex: "FEMALE" | "MALE", birthDate: string): string {
  const [y, m, d] = birthDate.split("-");
  return `${sex === "FEMALE" ? 1 : 2}${d}${m}${y}${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;
}

const TEXT = { ru: { coverage: ruCoverage, audit: ruAudit }, ky: { coverage: kyCoverage, audit: kyAudit } } as const;

for (const [locale, year] of [
  ["ru", 2040],
  ["ky", 2041],
] as const) {
  test(`the admin imports an external-coverage file and finds it in the audit log (${locale})`, async ({
    page,
    request,
  }) => {
    const { coverage, audit } = TEXT[locale];
    const [a, b] = [makePin("FEMALE", "1988-03-04"), makePin("MALE", "1979-11-30")];
    const csv = [
      "pin,source,covered_from,covered_to",
      `${a},STATE,${year}-01-01,${year}-12-31`,
      `${b},,01.02.${year},30.06.${year}`,
      `${b},STATE,${year}-07-01,${year + 1}-01-31`,
    ].join("\n");

    await signIn(page, "admin", locale);
    await page.goto(`/${locale}/staff/admin/coverage`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(coverage.title);
    await expectAccessible(page);

    // Bad input first: no file, a period that ends before it starts — translated errors, nothing started.
    const form = page.getByTestId("coverage-upload-form");
    await form.locator("#periodFrom").fill(`${year}-12-31`);
    await form.locator("#periodTo").fill(`${year}-01-01`);
    await form.locator("button[type=submit]").click();
    await expect(page.getByTestId("error-summary")).toContainText(coverage.error.fileRequired);
    await expect(page.getByTestId("error-summary")).toContainText(coverage.error.period);

    await form.locator("#source").selectOption("STATE");
    await form.locator("#periodFrom").fill(`${year}-01-01`);
    await form.locator("#periodTo").fill(`${year}-12-31`);
    await form.locator("#file").setInputFiles({ name: "registry.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await form.locator("button[type=submit]").click();

    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/admin/coverage/[0-9a-f-]{36}$`));
    await expect(page.getByTestId("coverage-import-state")).toHaveText(coverage.status.COMPLETED, { timeout: 30_000 });
    await expect(page.getByTestId("count-accepted")).toHaveText("2");
    await expect(page.getByTestId("count-rejected")).toHaveText("1");
    await expect(page.getByTestId("coverage-rejects")).toContainText(coverage.reason.OUTSIDE_PERIOD);
    await expect(page.getByTestId("coverage-rejects")).toContainText("4");
    await expectAccessible(page);

    const report = await page.request.get(`${page.url()}/rejected`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain(coverage.reason.OUTSIDE_PERIOD);

    const status = await request.get(`/api/v1/status?pin=${b}&on=${year}-03-01`);
    expect(await status.json()).toMatchObject({ insured: true, coverage: { source: "external" } });

    // The audit viewer: filtered by action, the import reads as words, its counts as a table of fields.
    await page.goto(`/${locale}/staff/admin/audit`);
    await page.getByTestId("audit-filter").locator("#action").selectOption("coverage.import.complete");
    await page.getByTestId("audit-apply").click();
    await expect(page).toHaveURL(/action=coverage\.import\.complete/);
    const first = page.getByTestId("audit-row").first();
    await expect(first.getByTestId("audit-action")).toHaveText(audit.actions.coverage.import.complete);
    await expect(first.getByTestId("audit-changes")).toContainText(audit.field.acceptedRows);
    await expect(first.getByTestId("audit-changes")).toContainText(audit.value.STATE);
    await expect(page.getByTestId("audit-table")).not.toContainText("coverage.import.complete");
    await expectAccessible(page);
  });
}
