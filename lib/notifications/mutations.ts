import type { Prisma } from "@/lib/generated/prisma/client";
import { toDbDate } from "@/lib/db/calendar";
import { translatorFor } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/routing";
import type { CalendarDate } from "@/lib/rules";

type Tx = Prisma.TransactionClient;

/** SMS dates are short and unambiguous in both languages: 15.03.2026. */
function smsDate(day: CalendarDate): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}

/**
 * Queues the two messages of a paid policy (issue #4): on payment, and on the day it takes effect. The outbox is the
 * interface a real SMS gateway will read; (policy, kind) is unique, so a replayed payment queues nothing twice.
 */
export async function queuePolicyNotifications(
  tx: Tx,
  p: {
    policyId: string;
    number: string;
    phone: string | null | undefined;
    amountSom: number;
    paymentDay: CalendarDate;
    validFrom: CalendarDate;
    validTo: CalendarDate;
    locale?: Locale;
  },
) {
  if (!p.phone) return;
  const t = translatorFor(p.locale ?? "ru");
  const values = { number: p.number, from: smsDate(p.validFrom), to: smsDate(p.validTo), amount: p.amountSom };
  await tx.notification.createMany({
    data: [
      {
        kind: "PAYMENT_RECEIVED",
        phone: p.phone,
        policyId: p.policyId,
        sendOn: toDbDate(p.paymentDay),
        text: t("notifications.paymentReceived", values),
      },
      {
        kind: "POLICY_EFFECTIVE",
        phone: p.phone,
        policyId: p.policyId,
        sendOn: toDbDate(p.validFrom),
        text: t("notifications.policyEffective", values),
      },
    ],
    skipDuplicates: true,
  });
}
