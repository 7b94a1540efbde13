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
  const [received, effective] = textsFor(p.locale ?? "ru", p.amountSom, p.validFrom, p.validTo);
  return [
    { kind: "PAYMENT_RECEIVED", sendOn: p.paymentDay, text: received.split(NUMBER_MARK).join(p.number) },
    { kind: "POLICY_EFFECTIVE", sendOn: p.validFrom, text: effective.split(NUMBER_MARK).join(p.number) },
  ];
}

/** Stands for the policy's number in a kept text: the rest of the text is the same for every policy of that day. */
const NUMBER_MARK = "\u0000number\u0000";
const KEPT_TEXTS = 256;

/**
 * The two texts of a language, sum and dates, formatted once (issue 17: formatting two messages was a twentieth of a
 * terminal payment's time in Node, while a day's payments share their dates and a tariff's sums). At most KEPT_TEXTS
 * are kept; then they are formatted again.
 */
const keptTexts = new Map<string, readonly [string, string]>();

function textsFor(locale: Locale, amountSom: number, validFrom: CalendarDate, validTo: CalendarDate) {
  const key = `${locale} ${amountSom} ${validFrom} ${validTo}`;
  let texts = keptTexts.get(key);
  if (!texts) {
    const t = translatorFor(locale);
    const values = { number: NUMBER_MARK, from: smsDate(validFrom), to: smsDate(validTo), amount: amountSom };
    texts = [t("notifications.paymentReceived", values), t("notifications.policyEffective", values)];
    if (keptTexts.size >= KEPT_TEXTS) keptTexts.clear();
    keptTexts.set(key, texts);
  }
  return texts;
}
