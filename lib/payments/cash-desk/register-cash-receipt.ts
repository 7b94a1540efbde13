import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { paidOnDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { approvalForDecision, holdForApproval, markApprovalDecided } from "@/lib/payments/approvals/mutations";
import { recordPayment, type RecordPaymentRequest, type RecordPaymentResult } from "@/lib/payments/record-payment";
import { splitFullName } from "@/lib/payments/terminals/protocol";
import { decidePaymentDate, paymentDateWindowDays, type CalendarDate } from "@/lib/rules";
import { ZCashReceiptInput, type TCashReceiptInput } from "./cash-receipt.schema";

export type CashReceiptOutcome =
  | ({ outcome: "registered" } & Omit<Extract<RecordPaymentResult, { outcome: "created" }>, "outcome">)
  /** older than PAYMENT_DATE_WINDOW_DAYS: held for a second person's approval (issue 11, hole 4) */
  | { outcome: "pending"; approvalId: string };

function cashReceiptRequest(
  requester: { id: string; officeId: number | null },
  input: TCashReceiptInput,
  dates: { paidAt: Date; receivedAt: Date },
  actor: { id: string; label: string },
): RecordPaymentRequest {
  return {
    channel: "BANK_CASH_DESK",
    externalTxnId: input.receiptNumber,
    account: input.pin,
    paidAt: dates.paidAt,
    receivedAt: dates.receivedAt,
    amountSom: input.amountSom,
    payer: { name: input.fullName, phone: input.phone },
    beneficiary: { pin: input.pin, ...splitFullName(input.fullName), category: input.category, phone: input.phone },
    termMonths: input.termMonths,
    issueChannel: "BANK_CASH_DESK",
    officeId: requester.officeId,
    registeredById: requester.id,
    actor,
  };
}

function issuedOrThrow(result: RecordPaymentResult): Extract<RecordPaymentResult, { outcome: "created" }> {
  switch (result.outcome) {
    case "created":
      return result;
    case "duplicate":
    case "conflict":
      throw new AppError("errors.receiptAlreadyRegistered", { field: "receiptNumber" });
    case "date_in_future":
      throw new AppError("errors.dateInFuture", { field: "paidOn" });
    case "wrong_amount":
      throw new AppError("errors.amountNotPrice", { field: "amountSom", values: { price: result.expectedSom } });
    case "refused":
      throw new AppError(`rules.refusal.${result.refusals[0]!.code}`);
  }
}

/**
 * cl. 17: cash paid at a bank's desk is registered by the ТУ from the receipt number and the PIN. The receipt number
 * is the transaction id of channel BANK_CASH_DESK, so the same receipt can never be registered twice. A receipt
 * dated in the future is refused; one older than PAYMENT_DATE_WINDOW_DAYS is held for another clerk's approval and
 * counts from today once approved (issue 11, hole 4; interpretation I33).
 */
export async function registerCashReceipt(user: StaffUser, raw: unknown, now: Date): Promise<CashReceiptOutcome> {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
  const input = ZCashReceiptInput.parse(raw);
  // the receipt shows the day, not the minute
  const paidAt = paidOnDay(input.paidOn as CalendarDate, now);
  const dates = decidePaymentDate({
    paidAt,
    receivedAt: now,
    windowDays: paymentDateWindowDays(process.env.PAYMENT_DATE_WINDOW_DAYS),
  });
  if (!dates.ok) throw new AppError("errors.dateInFuture", { field: "paidOn" });
  if (dates.lateDated) {
    const { approvalId } = await holdForApproval(user, {
      kind: "CASH_RECEIPT",
      channel: "BANK_CASH_DESK",
      externalTxnId: input.receiptNumber,
      input: { ...input, receivedAt: now.toISOString() },
      paidAt,
      amountSom: input.amountSom,
      officeId: user.officeId,
    });
    return { outcome: "pending", approvalId };
  }
  const result = await recordPayment(
    cashReceiptRequest(user, input, { paidAt, receivedAt: now }, { id: user.id, label: user.login }),
  );
  return { ...issuedOrThrow(result), outcome: "registered" as const };
}

/**
 * A second clerk of the same office approves a held receipt (four eyes): the payment and policy are recorded as the
 * first clerk entered them, counting from the day the receipt was brought, and the approval is marked in the same
 * transaction. A refusal by the rules leaves it pending (it can be rejected).
 */
export async function approveCashReceipt(user: StaffUser, approvalId: string) {
  const approval = await approvalForDecision(user, approvalId);
  if (approval.kind !== "CASH_RECEIPT") throw new AppError("errors.notFound");
  const stored = approval.input as Record<string, unknown>;
  const input = ZCashReceiptInput.parse(stored);
  const receivedAt = new Date(String(stored.receivedAt));
  const result = await recordPayment({
    ...cashReceiptRequest(
      { id: approval.requestedById, officeId: approval.officeId },
      input,
      { paidAt: approval.paidAt, receivedAt },
      { id: user.id, label: user.login },
    ),
    afterIssue: (tx, issued) =>
      markApprovalDecided(tx, user, approval, {
        status: "APPROVED",
        paymentId: issued.paymentId,
        policyNumber: issued.policyNumber,
      }),
  });
  return issuedOrThrow(result);
}
