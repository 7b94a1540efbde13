import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { recordPayment } from "../../lib/payments/record-payment";
import { reconcileRegistry, registerRegistryLine } from "../../lib/payments/reconcile/mutations";
import { registerCashReceipt } from "../../lib/payments/cash-desk/register-cash-receipt";
import { findPaymentStatement } from "../../lib/payments/statement/queries";
import { createStaffUser } from "../../lib/users/mutations";
import { makePin } from "../support/factories";

let clerk: StaffUser;
let fund: StaffUser;
let doctor: StaffUser;

beforeAll(async () => {
  const admin = { id: null, label: "test" };
  const mk = async (login: string, role: "CLERK" | "REFUND_OFFICER" | "DOCTOR", extra: Record<string, string> = {}) => {
    const u = await createStaffUser(admin, {
      login,
      fullName: `Тест ${login}`,
      role,
      password: "correct-horse-1",
      ...extra,
    });
    return {
      id: u.id,
      login: u.login,
      fullName: u.fullName,
      role: u.role,
      officeId: u.officeId,
      healthOrganizationId: u.healthOrganizationId,
    } as StaffUser;
  };
  clerk = await mk("cd.clerk", "CLERK", { officeCode: "TALAS" });
  fund = await mk("cd.fund", "REFUND_OFFICER");
  doctor = await mk("cd.doctor", "DOCTOR", { healthOrganizationCode: "CFM_BISHKEK_1" });
});

const receipt = (o: Record<string, string> = {}) => ({
  receiptNumber: `R-${Math.random().toString(36).slice(2, 10)}`,
  pin: makePin(),
  fullName: "Асанов Бакыт Маратович",
  phone: "0555 123 456",
  paidOn: "2024-03-10",
  amountSom: "1840",
  category: "CITIZEN",
  termMonths: "12",
  ...o,
});

const MARCH_12 = new Date("2024-03-12T06:00:00Z");

describe("bank cash-desk receipts registered at a ТУ (cl. 17)", () => {
  it("registers a receipt: policy from payment day + 5, bound to the clerk's office and signed by the clerk", async () => {
    const input = receipt();
    const issued = await registerCashReceipt(clerk, input, MARCH_12);
    expect(issued).toMatchObject({ outcome: "registered", validFrom: "2024-03-15", validTo: "2025-03-14" });
    if (issued.outcome !== "registered") throw new Error("held for approval");
    const payment = await db.payment.findUniqueOrThrow({ where: { id: issued.paymentId }, include: { policy: true } });
    expect(payment).toMatchObject({
      channel: "BANK_CASH_DESK",
      externalTxnId: input.receiptNumber.toUpperCase(),
      officeId: clerk.officeId,
      registeredById: clerk.id,
      payerPhone: "+996555123456",
    });
    expect(payment.policy).toMatchObject({
      channel: "BANK_CASH_DESK",
      officeId: clerk.officeId,
      createdById: clerk.id,
    });
  });

  it("refuses the same receipt twice, whatever else is typed, and changes nothing", async () => {
    const input = receipt();
    await registerCashReceipt(clerk, input, MARCH_12);
    const before = await db.payment.count();
    await expect(
      registerCashReceipt(clerk, { ...input, receiptNumber: input.receiptNumber.toLowerCase() }, MARCH_12),
    ).rejects.toMatchObject({ code: "errors.receiptAlreadyRegistered", field: "receiptNumber" });
    await expect(registerCashReceipt(clerk, { ...input, pin: makePin() }, MARCH_12)).rejects.toMatchObject({
      code: "errors.receiptAlreadyRegistered",
    });
    expect(await db.payment.count()).toBe(before);
  });

  it.each([
    ["an amount that is not the price", { amountSom: "1500" }, "errors.amountNotPrice"],
    ["a citizen under 16", { pin: makePin("MALE", "2012-01-01") }, "rules.refusal.CITIZEN_UNDER_16"],
    ["a payment day in the future", { paidOn: "2024-03-20" }, "errors.dateInFuture"],
  ])("refuses %s", async (_n, o, code) => {
    await expect(registerCashReceipt(clerk, receipt(o), MARCH_12)).rejects.toMatchObject({ code });
  });

  it("is the office's job only", async () => {
    await expect(registerCashReceipt(fund, receipt(), MARCH_12)).rejects.toMatchObject({
      code: "errors.forbidden",
    });
  });
});

describe("daily registry reconciliation (issue #5)", () => {
  async function payQuickpay(txn: string, pin: string, at = "2024-05-02T06:00:00Z") {
    const r = await recordPayment({
      channel: "QUICKPAY",
      externalTxnId: txn,
      account: pin,
      paidAt: new Date(at),
      receivedAt: new Date(at),
      amountSom: 1840,
      payer: { name: "Т Т", phone: null },
      beneficiary: { pin, lastName: "Т", firstName: "Т", category: "CITIZEN" },
      termMonths: 12,
      issueChannel: "TERMINAL",
      actor: { id: null, label: "test" },
    });
    expect(r.outcome).toBe("created");
  }

  it("finds matched, missing on our side, missing on theirs and amount mismatches; re-upload changes nothing; one click registers", async () => {
    const [a, b, c] = [makePin(), makePin(), makePin()];
    await payQuickpay("9100001", a);
    await payQuickpay("9100002", b);
    await payQuickpay("9100003", c); // not in their registry
    const missing = makePin();
    const csv = [
      "txn_id,txn_date,account,sum",
      `9100001,20240502120000,${a},1840`,
      `9100002,2024-05-02 12:00:00,${b},1800`,
      `9100009,20240502130000,${missing},1840.00`,
    ].join("\n");
    const { upload, reused } = await reconcileRegistry(fund, {
      provider: "quickpay",
      fileName: "qp-2024-05-02.csv",
      text: csv,
    });
    expect(reused).toBe(false);
    expect(upload).toMatchObject({ lineCount: 3, matched: 1, missingOurs: 1, missingTheirs: 1, mismatched: 1 });
    const result = upload.result as {
      missingOurs: { txnId: string }[];
      missingTheirs: { txnId: string }[];
      mismatched: { txnId: string; amountSomOurs: number }[];
    };
    expect(result.missingOurs.map((l) => l.txnId)).toEqual(["9100009"]);
    expect(result.missingTheirs.map((l) => l.txnId)).toEqual(["9100003"]);
    expect(result.mismatched).toMatchObject([{ txnId: "9100002", amountSomOurs: 1840 }]);
    expect(await db.auditLog.count({ where: { action: "registry.reconcile", entityId: upload.id } })).toBe(1);

    const again = await reconcileRegistry(fund, { provider: "quickpay", fileName: "renamed.csv", text: csv });
    expect(again).toMatchObject({ reused: true, upload: { id: upload.id } });
    expect(await db.registryUpload.count()).toBe(1);

    const answer = await registerRegistryLine(fund, upload.id, "9100009", new Date("2024-05-03T00:00:00Z"));
    expect(answer.result).toBe(0);
    const registered = await db.payment.findUniqueOrThrow({
      where: { channel_externalTxnId: { channel: "QUICKPAY", externalTxnId: "9100009" } },
      include: { policy: true },
    });
    expect(registered.policy!.validFrom!.toISOString().slice(0, 10)).toBe("2024-05-07");
    // The same click again is the same idempotent path: the same payment.
    expect(await registerRegistryLine(fund, upload.id, "9100009", new Date("2024-05-03T00:00:00Z"))).toMatchObject({
      result: 0,
    });
    expect(await db.payment.count({ where: { externalTxnId: "9100009" } })).toBe(1);
  });

  it("refuses a malformed line with its number, and anyone but Fund staff", async () => {
    await expect(
      reconcileRegistry(fund, {
        provider: "pay24",
        fileName: "x.csv",
        text: "1,20240502120000,21505198500017,1840\nabc,,,",
      }),
    ).rejects.toMatchObject({ code: "errors.registryFormat", values: { line: 2 } });
    await expect(
      reconcileRegistry(clerk, { provider: "pay24", fileName: "x.csv", text: "1,20240502120000,21505198500017,1840" }),
    ).rejects.toMatchObject({ code: "errors.forbidden" });
  });

  it("reconciles a 10 000-line registry (time printed, not asserted)", async () => {
    const lines = ["txn_id,txn_date,account,sum"];
    for (let i = 0; i < 10_000; i++)
      lines.push(`${8_000_000 + i},20240601${String(10 + (i % 10)).padStart(2, "0")}0000,${makePin()},1840`);
    const t0 = performance.now();
    const { upload } = await reconcileRegistry(fund, {
      provider: "megacom",
      fileName: "mc-10k.csv",
      text: lines.join("\n"),
    });
    const ms = performance.now() - t0;
    console.log(`[reconciliation] 10 000 lines in ${ms.toFixed(0)} ms`);
    expect(upload).toMatchObject({ lineCount: 10_000, missingOurs: 10_000, matched: 0 });
  });
});

describe("a person's payment statement (seed 004, appendix 2 as a model)", () => {
  it("lists each payment with period, payer, refund and status, and logs the view", async () => {
    const pin = makePin();
    await registerCashReceipt(clerk, receipt({ pin, receiptNumber: "ST-0001" }), MARCH_12);
    const statement = await findPaymentStatement(clerk, pin, "2024-04-01");
    expect(statement!.status).toMatchObject({ insured: true, on: "2024-04-01" });
    expect(statement!.rows).toEqual([
      expect.objectContaining({
        amountSom: 1840,
        channel: "BANK_CASH_DESK",
        validFrom: "2024-03-15",
        validTo: "2025-03-14",
        payerName: "Асанов Бакыт Маратович",
        refundedSom: 0,
        policyStatus: "ISSUED",
      }),
    ]);
    expect(await findPaymentStatement(fund, makePin(), "2024-04-01")).toBeNull();
    expect(await db.auditLog.count({ where: { action: "person.statement_view" } })).toBe(2);
    await expect(findPaymentStatement(doctor, pin, "2024-04-01")).rejects.toMatchObject({ code: "errors.forbidden" });
  });
});
