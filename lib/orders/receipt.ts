import "server-only";
import { bishkekDate, compareDates, effectiveDay, type CalendarDate } from "@/lib/rules";
import type { OrderView } from "./queries";
import { orderReference } from "./reference";
import { fullName } from "@/lib/people/full-name";

export type PaidReceipt = {
  reference: string;
  policyNumber: string;
  holder: string;
  identity: { kind: "PIN"; pin: string } | { kind: "DOCUMENT"; documentType: string; documentNumber: string };
  category: OrderView["category"];
  termMonths: number;
  amountSom: number;
  paymentDay: CalendarDate;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  /** starts after a running policy, later than payment + 5 days (SPEC §3) */
  isRenewal: boolean;
  phone: string;
};

/** What the confirmation page and the PDF receipt show about a paid order: the policy as the database holds it. */
export function paidReceipt(order: OrderView): PaidReceipt | null {
  if (order.status !== "PAID" || !order.policy || !order.payment || !order.policy.validFrom || !order.policy.validTo)
    return null;
  const paymentDay = bishkekDate(order.payment.paidAt);
  return {
    reference: orderReference(order.id),
    policyNumber: order.policy.number,
    holder: fullName(order),
    identity: order.pin
      ? { kind: "PIN", pin: order.pin }
      : { kind: "DOCUMENT", documentType: order.documentType ?? "", documentNumber: order.documentNumber ?? "" },
    category: order.policy.category,
    termMonths: order.policy.termMonths,
    amountSom: order.payment.amountSom,
    paymentDay,
    validFrom: order.policy.validFrom,
    validTo: order.policy.validTo,
    isRenewal: compareDates(order.policy.validFrom, effectiveDay(paymentDay)) > 0,
    phone: order.phone,
  };
}
