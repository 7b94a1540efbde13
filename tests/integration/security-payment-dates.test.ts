import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/v1/terminal/[provider]/route";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { fromDbDate } from "../../lib/db/calendar";
import { rejectApproval } from "../../lib/payments/approvals/mutations";
import { listPendingApprovals } from "../../lib/payments/approvals/queries";
import { approveCashReceipt, registerCashReceipt } from "../../lib/payments/cash-desk/register-cash-receipt";
import { recordPayment } from "../../lib/payments/record-payment";
import { approveRegistryLine, reconcileRegistry, registerRegistryLine } from "../../lib/payments/reconcile/mutations";
import { findPaymentStatement } from "../../lib/payments/statement/queries";
import { addDays, bishkekDate } from "../../lib/rules";
import { createStaffUser } from "../../lib/users/mutations";
import { makePin } from "../support/factories";
import { terminalAuthorization } from "../support/terminal-auth";

// Issue 11, hole 4 — back-dated money (interpretation I33). The suite's window is wide for behaviour tests on fixed
// 2024 days (tests/vitest.config.ts); here it is the default, 3 days, and every date is relative to the real clock.
beforeAll(() => {
  vi.stubEnv("PAYMENT_DATE_WINDOW_DAYS", "3");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const DAY = 86_400_000;
let seq = 700_000_000 + (Date.now() % 100_000_000);
const next = () => String(++seq);
/** Bishkek local time YYYYMMDDHHMMSS of an instant, as terminals send it. */
const txnDate = (at: Date) => new Date(at.getTime() + 6 * 3600_000).toISOString().replace(/\D/g, "").slice(0, 14);
const today = () => bishkekDate(new Date());

async function pay(params: Record<string, string>) {
  const query = new URLSearchParams({
    command: "pay",
    service: "citizen",
    sum: "1840",
    fio: "Сыдыков Эрлан",
    phone: "0700123456",
    ...params,
  });
  const res = await GET(
    new Request(`http://127.0.0.1/api/v1/terminal/quickpay?${query}`, {
      headers: { "x-forwarded-for": "127.0.0.1", authorization: terminalAuthorization("quickpay") },
    }),
    { params: Promise.resolve({ provider: "quickpay" }) },
  );
  const text = await res.text();
  return { result: Number(/<result>(\d+)<\/result>/.exec(text)?.[1]), text };
}

const staff: Record<string, StaffUser> = {};
beforeAll(async () => {
  const admin = { id: null, label: "test" };
  const mk = async (login: string, role: "CLERK" | "REFUND_OFFICER", extra: Record<string, string> = {}) => {
    const u = await createStaffUser(admin, {
      login,
      fullName: `Тест ${login}`,
      role,
      password: "correct-horse-1",
      ...extra,
    });
    staff[login] = {
      id: u.id,
      login: u.login,
      fullName: u.fullName,
      role: u.role,
      officeId: u.officeId,
      healthOrganizationId: u.healthOrganizationId,
    };
  };
  await mk("h4.clerk1", "CLERK", { officeCode: "TALAS" });
  await mk("h4.clerk2", "CLERK", { officeCode: "TALAS" });
  await mk("h4.other", "CLERK", { officeCode: "NARYN" });
  await mk("h4.fund1", "REFUND_OFFICER");
  await mk("h4.fund2", "REFUND_OFFICER");
});

describe("hole 4: back-dated money at a terminal", () => {
  it("refuses a txn_date next week (result 300) and records nothing", async () => {
    const txn = next();
    const r = await pay({ txn_id: txn, account: makePin(), txn_date: txnDate(new Date(Date.now() + 7 * DAY)) });
    expect(r.result).toBe(300);
    expect(await db.payment.count({ where: { externalTxnId: txn } })).toBe(0);
  });

  it("counts a txn_date within the window from its own day, unflagged", async () => {
    const txn = next();
    const paidAt = new Date(Date.now() - 2 * DAY);
    expect((await pay({ txn_id: txn, account: makePin(), txn_date: txnDate(paidAt) })).result).toBe(0);
    const p = await db.payment.findFirstOrThrow({ where: { externalTxnId: txn }, include: { policy: true } });
    expect(p.lateDated).toBe(false);
    expect(fromDbDate(p.policy!.validFrom!)).toBe(addDays(bishkekDate(paidAt), 5));
  });

  it("counts a txn_date 10 days back from the day it reached us, and flags it for reconciliation", async () => {
    const txn = next();
    const pin = makePin();
    expect((await pay({ txn_id: txn, account: pin, txn_date: txnDate(new Date(Date.now() - 10 * DAY)) })).result).toBe(
      0,
    );
    const p = await db.payment.findFirstOrThrow({ where: { externalTxnId: txn }, include: { policy: true } });
    expect(p.lateDated).toBe(true);
    expect(fromDbDate(p.policy!.validFrom!)).toBe(addDays(today(), 5));
    // the payment's own date is kept as the channel sent it
    expect(bishkekDate(p.paidAt)).toBe(addDays(today(), -10));
  });

  it("recordPayment refuses a future date for every channel", async () => {
    const pin = makePin();
    const r = await recordPayment({
      channel: "PORTAL",
      externalTxnId: next(),
      account: pin,
      paidAt: new Date(Date.now() + 6 * 60_000),
      receivedAt: new Date(),
      amountSom: 1840,
      payer: { name: "Т Т" },
      beneficiary: { pin, lastName: "Т", firstName: "Т", category: "CITIZEN" },
      termMonths: 12,
      issueChannel: "ONLINE",
      actor: { id: null, label: "test" },
    });
    expect(r).toEqual({ outcome: "date_in_future" });
  });
});

describe("hole 4: a late cash-desk receipt needs a second clerk (four eyes)", () => {
  const receipt = (o: Record<string, string> = {}) => ({
    receiptNumber: `H4-${next()}`,
    pin: makePin(),
    fullName: "Асанов Бакыт Маратович",
    phone: "0555 123 456",
    paidOn: addDays(today(), -10),
    amountSom: "1840",
    category: "CITIZEN",
    termMonths: "12",
    ...o,
  });

  it("refuses a receipt dated tomorrow", async () => {
    await expect(
      registerCashReceipt(staff["h4.clerk1"]!, receipt({ paidOn: addDays(today(), 1) }), new Date()),
    ).rejects.toMatchObject({ code: "errors.dateInFuture", field: "paidOn" });
  });

  it("registers today's receipt at once, even in the morning", async () => {
    const r = await registerCashReceipt(staff["h4.clerk1"]!, receipt({ paidOn: today() }), new Date());
    expect(r.outcome).toBe("registered");
  });

  it("holds a receipt older than the window: no payment until another clerk of the office approves; both audited", async () => {
    const input = receipt();
    const held = await registerCashReceipt(staff["h4.clerk1"]!, input, new Date());
    expect(held.outcome).toBe("pending");
    const approvalId = held.outcome === "pending" ? held.approvalId : "";
    expect(await db.payment.count({ where: { externalTxnId: input.receiptNumber } })).toBe(0);
    expect(await db.person.count({ where: { pin: input.pin } })).toBe(0);
    // the same receipt again while it waits
    await expect(registerCashReceipt(staff["h4.clerk2"]!, input, new Date())).rejects.toMatchObject({
      code: "approvals.errors.pending",
    });
    // listed for the office, marked as the requester's own
    expect((await listPendingApprovals(staff["h4.clerk1"]!)).find((a) => a.id === approvalId)?.isOwn).toBe(true);
    expect((await listPendingApprovals(staff["h4.other"]!)).some((a) => a.id === approvalId)).toBe(false);

    // never the same user
    await expect(approveCashReceipt(staff["h4.clerk1"]!, approvalId)).rejects.toMatchObject({
      code: "approvals.errors.fourEyes",
    });
    // another office: "not found", audited
    await expect(approveCashReceipt(staff["h4.other"]!, approvalId)).rejects.toMatchObject({ code: "errors.notFound" });
    expect(await db.auditLog.count({ where: { entityId: approvalId, action: "payment.approval_out_of_scope" } })).toBe(
      1,
    );
    // the database refuses it too, whoever writes
    await expect(
      db.paymentApproval.update({
        where: { id: approvalId },
        data: { decidedById: staff["h4.clerk1"]!.id, status: "APPROVED" },
      }),
    ).rejects.toThrow(/four eyes/);
    expect(await db.payment.count({ where: { externalTxnId: input.receiptNumber } })).toBe(0);

    const issued = await approveCashReceipt(staff["h4.clerk2"]!, approvalId);
    expect(issued.validFrom).toBe(addDays(today(), 5));
    const payment = await db.payment.findFirstOrThrow({ where: { externalTxnId: input.receiptNumber } });
    expect(payment).toMatchObject({ lateDated: true, registeredById: staff["h4.clerk1"]!.id });
    expect(await db.paymentApproval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({
      status: "APPROVED",
      decidedById: staff["h4.clerk2"]!.id,
      paymentId: payment.id,
    });
    const actions = (await db.auditLog.findMany({ where: { entityId: approvalId }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["payment.approval_request", "payment.approval_own_refused", "payment.approve"]),
    );
    // decided once
    await expect(approveCashReceipt(staff["h4.other"]!, approvalId)).rejects.toMatchObject({ code: "errors.notFound" });
    // the statement shows the flag
    const statement = await findPaymentStatement(staff["h4.clerk1"]!, input.pin, today());
    expect(statement!.rows[0]).toMatchObject({ lateDated: true });
  });

  it("a rejected receipt issues nothing and may be brought again", async () => {
    const input = receipt();
    const held = await registerCashReceipt(staff["h4.clerk1"]!, input, new Date());
    const approvalId = held.outcome === "pending" ? held.approvalId : "";
    await rejectApproval(staff["h4.clerk2"]!, approvalId);
    expect(await db.payment.count({ where: { externalTxnId: input.receiptNumber } })).toBe(0);
    const again = await registerCashReceipt(staff["h4.clerk2"]!, input, new Date());
    expect(again).toMatchObject({ outcome: "pending", approvalId });
  });
});

describe("hole 4: a late bank-registry row needs a second Fund officer (four eyes)", () => {
  it("holds a row dated before the window, then records it on another officer's approval", async () => {
    const pin = makePin();
    const txn = next();
    const day = addDays(today(), -10).replace(/-/g, "");
    const { upload } = await reconcileRegistry(staff["h4.fund1"]!, {
      provider: "pay24",
      fileName: "late.csv",
      text: `txn_id,txn_date,account,sum\n${txn},${day}120000,${pin},1840\n`,
    });
    const held = await registerRegistryLine(staff["h4.fund1"]!, upload.id, txn, new Date());
    expect(held.result).toBe("pending");
    expect(await db.payment.count({ where: { externalTxnId: txn } })).toBe(0);
    const approvalId = "approvalId" in held ? held.approvalId : "";
    await expect(approveRegistryLine(staff["h4.fund1"]!, approvalId)).rejects.toMatchObject({
      code: "approvals.errors.fourEyes",
    });
    // a clerk may not decide registry rows
    await expect(approveRegistryLine(staff["h4.clerk2"]!, approvalId)).rejects.toMatchObject({
      code: "errors.notFound",
    });
    expect(await approveRegistryLine(staff["h4.fund2"]!, approvalId)).toMatchObject({ result: 0 });
    const payment = await db.payment.findFirstOrThrow({ where: { externalTxnId: txn }, include: { policy: true } });
    expect(payment.lateDated).toBe(true);
    expect(fromDbDate(payment.policy!.validFrom!)).toBe(addDays(bishkekDate(upload.createdAt), 5));
  });

  it("refuses a row dated in the future", async () => {
    const txn = next();
    const day = addDays(today(), 7).replace(/-/g, "");
    const { upload } = await reconcileRegistry(staff["h4.fund1"]!, {
      provider: "megacom",
      fileName: "future.csv",
      text: `txn_id,txn_date,account,sum\n${txn},${day}120000,${makePin()},1840\n`,
    });
    expect(await registerRegistryLine(staff["h4.fund1"]!, upload.id, txn, new Date())).toMatchObject({ result: 300 });
    expect(await db.payment.count({ where: { externalTxnId: txn } })).toBe(0);
  });
});
