import type { NotificationKind } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/routing";
import type { CalendarDate } from "@/lib/rules";

/** SMS dates are short and unambiguous in both languages: 15.03.2026. */
function smsDate(day: CalendarDate): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}

type PolicyMessages = {
  number: string;
  phone: string | null | undefined;
  amountSom: number;
  paymentDay: CalendarDate;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  locale?: Locale;
};

/**
 * The two messages of a paid policy (issue #4): on payment, and on the day it takes effect — none without a phone.
 * A writer that learns the policy's number only in the statement that inserts it passes a placeholder as `number`.
 */
export function policyMessages(p: PolicyMessages): { kind: NotificationKind; sendOn: CalendarDate; text: string }[] {
  if (!p.phone) return [];
  const t = translatorFor(p.locale ?? "ru");
  const values = { number: p.number, from: smsDate(p.validFrom), to: smsDate(p.validTo), amount: p.amountSom };
  return [
    { kind: "PAYMENT_RECEIVED", sendOn: p.paymentDay, text: t("notifications.paymentReceived", values) },
    { kind: "POLICY_EFFECTIVE", sendOn: p.validFrom, text: t("notifications.policyEffective", values) },
  ];
}
