import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { compareDates, type CalendarDate } from "@/lib/rules";
import { splitFullName } from "@/lib/payments/terminals/protocol";
import { ZCashReceiptInput } from "./cash-receipt.schema";
import { recordPayment } from "@/lib/payments/record-payment";

/**
 * cl. 17: cash paid at a bank's desk is registered by the ТУ from the receipt number and the PIN. The receipt number
 * is the transaction id of channel BANK_CASH_DESK, so the same receipt can never be registered twice.
 */
export async function registerCashReceipt(user: StaffUser, raw: unknown, today: CalendarDate) {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
  const input = ZCashReceiptInput.parse(raw);
  if (compareDates(input.paidOn, today) > 0) throw new AppError("errors.dateInFuture", { field: "paidOn" });
  const result = await recordPayment({
    channel: "BANK_CASH_DESK",
    externalTxnId: input.receiptNumber,
    account: input.pin,
    // The receipt shows the day, not the minute: midday in Bishkek is that day whatever the time zone maths.
    paidAt: new Date(`${input.paidOn}T12:00:00+06:00`),
    amountSom: input.amountSom,
    payer: { name: input.fullName, phone: input.phone },
    beneficiary: { pin: input.pin, ...splitFullName(input.fullName), category: input.category, phone: input.phone },
    termMonths: input.termMonths,
    issueChannel: "BANK_CASH_DESK",
    officeId: user.officeId,
    registeredById: user.id,
    actor: { id: user.id, label: user.login },
  });
  switch (result.outcome) {
    case "created":
      return result;
    case "duplicate":
    case "conflict":
      throw new AppError("errors.receiptAlreadyRegistered", { field: "receiptNumber" });
    case "wrong_amount":
      throw new AppError("errors.amountNotPrice", { field: "amountSom", values: { price: result.expectedSom } });
    case "refused":
      throw new AppError(`rules.refusal.${result.refusals[0]!.code}`);
  }
}
