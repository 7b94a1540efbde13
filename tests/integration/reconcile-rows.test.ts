import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { recordPayment } from "../../lib/payments/record-payment";
import { reconcileRegistry } from "../../lib/payments/reconcile/mutations";
import { findRegistryUpload } from "../../lib/payments/reconcile/queries";
import { RECONCILE_PAGE_SIZE } from "../../lib/payments/reconcile/rows";
import { createStaffUser } from "../../lib/users/mutations";
import { makePin } from "../support/factories";

let fund: StaffUser;

beforeAll(async () => {
  const u = await createStaffUser(
    { id: null, label: "test" },
    { login: "rows.fund", fullName: "Тест Фонд", role: "REFUND_OFFICER", password: "correct-horse-1" },
  );
  fund = { id: u.id, login: u.login, fullName: u.fullName, role: u.role, officeId: null, healthOrganizationId: null };
});

async function pay(txn: string, pin: string) {
  const r = await recordPayment({
    channel: "PAY24",
    externalTxnId: txn,
    account: pin,
    paidAt: new Date("2024-06-03T06:00:00Z"),
    receivedAt: new Date("2024-06-03T06:00:00Z"),
    amountSom: 1840,
    payer: { name: "Т Т", phone: null },
    beneficiary: { pin, lastName: "Т", firstName: "Т", category: "CITIZEN" },
    termMonths: 12,
    issueChannel: "TERMINAL",
    actor: { id: null, label: "test" },
  });
  expect(r.outcome).toBe("created");
}

// Issue 9: the result page shows every row (no 500-row cap), paged, with a filter by kind; matched lines are stored.
describe("reconciliation rows: every row, paged, filtered by kind", () => {
  it("lists 510 matched + 3 missing on ours + 1 missing on theirs + 1 amount mismatch over pages; re-upload is idempotent", async () => {
    const lines = ["txn_id,txn_date,account,sum"];
    const matchedCount = 510;
    for (let i = 0; i < matchedCount; i++) {
      const pin = makePin();
      await pay(`77${String(i).padStart(5, "0")}`, pin);
      lines.push(`77${String(i).padStart(5, "0")},20240603120000,${pin},1840`);
    }
    const mismatchPin = makePin();
    await pay("7800001", mismatchPin);
    lines.push(`7800001,20240603120000,${mismatchPin},1800`);
    for (let i = 0; i < 3; i++) lines.push(`790000${i},20240603130000,${makePin()},1840`);
    await pay("7900099", makePin()); // ours only
    const csv = lines.join("\n");

    const { upload } = await reconcileRegistry(fund, { provider: "pay24", fileName: "p24.csv", text: csv });
    expect(upload).toMatchObject({ lineCount: 514, matched: 510, missingOurs: 3, missingTheirs: 1, mismatched: 1 });

    const all = await findRegistryUpload(fund, upload.id, { kind: null, page: 1 });
    expect(all!.page).toMatchObject({ total: 515, page: 1, pageCount: Math.ceil(515 / RECONCILE_PAGE_SIZE) });
    expect(all!.page.rows).toHaveLength(RECONCILE_PAGE_SIZE);
    expect(all!.page.rows[0]).toMatchObject({ kind: "matched", txnId: "7700000", amountSomOurs: 1840 });

    // Past the 500-row cap that used to cut the list: the 11th page still has rows, the last one ends with ours only.
    const last = await findRegistryUpload(fund, upload.id, { kind: null, page: 999 });
    expect(last!.page.page).toBe(last!.page.pageCount);
    expect(last!.page.rows.at(-1)).toMatchObject({ kind: "missingTheirs", txnId: "7900099", sumTheirs: null });

    const matched = await findRegistryUpload(fund, upload.id, { kind: "matched", page: 11 });
    expect(matched!.page).toMatchObject({ total: 510, page: 11 });
    expect(matched!.page.rows.map((r) => r.txnId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `77${String(500 + i).padStart(5, "0")}`),
    );

    const ours = await findRegistryUpload(fund, upload.id, { kind: "missingOurs", page: 1 });
    expect(ours!.page.rows.map((r) => r.txnId)).toEqual(["7900000", "7900001", "7900002"]);
    const theirs = await findRegistryUpload(fund, upload.id, { kind: "missingTheirs", page: 1 });
    expect(theirs!.page.rows.map((r) => r.txnId)).toEqual(["7900099"]);
    const sums = await findRegistryUpload(fund, upload.id, { kind: "mismatched", page: 1 });
    expect(sums!.page.rows).toMatchObject([{ txnId: "7800001", sumTheirs: "1800", amountSomOurs: 1840 }]);

    const again = await reconcileRegistry(fund, { provider: "pay24", fileName: "again.csv", text: csv });
    expect(again).toMatchObject({ reused: true, upload: { id: upload.id } });
    expect(await db.registryUpload.count()).toBe(1);
  });
});
