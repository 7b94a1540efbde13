import { expect, test } from "@playwright/test";
import ruAuth from "../../lib/i18n/messages/ru/auth.json" with { type: "json" };
import ruCommon from "../../lib/i18n/messages/ru/common.json" with { type: "json" };
import ruStaff from "../../lib/i18n/messages/ru/staff.json" with { type: "json" };
import { expectAccessible, signIn } from "./support";
import ruClinic from "../../lib/i18n/messages/ru/clinic.json" with { type: "json" };
import kyClinic from "../../lib/i18n/messages/ky/clinic.json" with { type: "json" };

const ROLES = [
  { login: "clerk.bishkek", path: "/ru/staff/office", heading: ruStaff.office.title, role: ruStaff.roles.CLERK },
  { login: "doctor", path: "/ru/staff/clinic", heading: ruClinic.title, role: ruStaff.roles.DOCTOR },
  { login: "refunds", path: "/ru/staff/fund", heading: ruStaff.fund.title, role: ruStaff.roles.REFUND_OFFICER },
  { login: "admin", path: "/ru/staff/admin", heading: ruStaff.admin.usersTitle, role: ruStaff.roles.ADMIN },
  { login: "analyst", path: "/ru/staff/fund", heading: ruStaff.fund.title, role: ruStaff.roles.ANALYST },
];

test.describe("staff sign-in", () => {
  for (const r of ROLES) {
    test(`${r.login} signs in and lands in their own workspace`, async ({ page }) => {
      await page.goto("/ru/staff/sign-in");
      await expectAccessible(page);
      await signIn(page, r.login);
      await expect(page).toHaveURL(new RegExp(`${r.path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.heading);
      await expect(page.getByTestId("staff-role")).toHaveText(r.role);
      await expectAccessible(page);
    });
  }

  test("a wrong password is refused with an error summary", async ({ page }) => {
    await signIn(page, "clerk.bishkek", "ru", "not-the-password");
    await expect(page.getByTestId("error-summary")).toContainText(ruAuth.failed);
    await expect(page).toHaveURL(/\/ru\/staff\/sign-in$/);
    await expectAccessible(page);
  });

  test("a workspace asks for sign-in first", async ({ page }) => {
    await page.goto("/ru/staff/office");
    await expect(page).toHaveURL(/\/ru\/staff\/sign-in$/);
  });

  test("a doctor signs in in Kyrgyz and sees the workspace in Kyrgyz", async ({ page }) => {
    await signIn(page, "doctor", "ky");
    await expect(page).toHaveURL(/\/ky\/staff\/clinic$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kyClinic.title);
    await expectAccessible(page);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "refunds");
    await expect(page).toHaveURL(/\/ru\/staff\/fund$/);
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/ru\/staff\/sign-in$/);
    await page.goto("/ru/staff/fund");
    await expect(page).toHaveURL(/\/ru\/staff\/sign-in$/);
  });
});

test.describe("each role sees only its own workspace", () => {
  const REFUSALS = [
    {
      login: "clerk.bishkek",
      forbidden: ["/ru/staff/admin", "/ru/staff/fund", "/ru/staff/clinic", "/ru/staff/admin/audit"],
    },
    { login: "doctor", forbidden: ["/ru/staff/office", "/ru/staff/fund", "/ru/staff/admin"] },
    { login: "refunds", forbidden: ["/ru/staff/office", "/ru/staff/admin"] },
    { login: "admin", forbidden: ["/ru/staff/office", "/ru/staff/clinic"] },
    // read-only: the dashboard and the registries, nothing that decides or changes
    {
      login: "analyst",
      forbidden: [
        "/ru/staff/office",
        "/ru/staff/clinic",
        "/ru/staff/admin",
        "/ru/staff/fund/refunds",
        "/ru/staff/fund/reconciliation",
        "/ru/staff/approvals",
      ],
    },
  ];
  for (const r of REFUSALS) {
    test(`${r.login} is refused other workspaces`, async ({ page }) => {
      await signIn(page, r.login);
      await expect(page).not.toHaveURL(/sign-in/);
      for (const path of r.forbidden) {
        await page.goto(path);
        await expect(page).toHaveURL(/\/ru\/staff\/forbidden$/);
        await expect(page.getByTestId("forbidden")).toHaveText(ruAuth.forbiddenTitle);
      }
      await expectAccessible(page);
    });
  }

  test("a clerk cannot open another office's record", async ({ browser }) => {
    // The Bishkek clerk finds the record of a Bishkek policy…
    const bishkek = await (await browser.newContext()).newPage();
    await signIn(bishkek, "clerk.bishkek");
    await bishkek.getByRole("link", { name: "P-DEMO-000001" }).click();
    await expect(bishkek.getByTestId("policy-title")).toContainText("P-DEMO-000001");
    await expectAccessible(bishkek);
    const recordUrl = new URL(bishkek.url()).pathname;
    await expect(bishkek.getByTestId("policy-table")).toHaveCount(0);

    // …the Osh clerk sees only Osh policies, and the Bishkek record is "not found" for them.
    const osh = await (await browser.newContext()).newPage();
    await signIn(osh, "clerk.osh");
    await expect(osh.getByTestId("policy-table")).toContainText("P-DEMO-000004");
    await expect(osh.getByTestId("policy-table")).not.toContainText("P-DEMO-000001");
    const res = await osh.goto(recordUrl);
    expect(res?.status()).toBe(404);
    await expect(osh.getByRole("heading", { level: 1 })).toHaveText(ruCommon.notFound.title);
  });
});

test("the admin creates an account, and the audit log shows who did it", async ({ page }) => {
  const login = `e2e.${Date.now().toString(36)}`;
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/ru\/staff\/admin$/);
  const form = page.getByTestId("create-user-form");

  // Bad input: a clear message per field, nothing created.
  await form.locator("#login").fill(login);
  await form.locator("#fullName").fill("Тестова Анара");
  await form.locator("#role").selectOption("CLERK");
  await form.locator("#password").fill("short");
  await form.getByRole("button").click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page.getByTestId("officeCode-error")).toBeVisible();
  await expect(page.getByTestId("password-error")).toBeVisible();
  await expect(form.locator("#login")).toHaveValue(login);
  await expectAccessible(page);

  await form.locator("#officeCode").selectOption("TALAS");
  await form.locator("#password").fill("a-long-enough-password");
  await form.getByRole("button").click();
  await expect(page.getByTestId("user-created")).toContainText(login);
  await expect(page.getByTestId(`user-row-${login}`)).toContainText(ruStaff.roles.CLERK);

  await page.goto("/ru/staff/admin/audit?action=user.create");
  await expect(page.getByTestId("audit-table")).toContainText(login);
  await expect(page.getByTestId("audit-table")).toContainText("admin");
  await expectAccessible(page);
});
