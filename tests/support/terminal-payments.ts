/** A terminal's payment as recordPayment takes it, and what it wrote — for the one-statement payment tests. */
import { randomInt } from "node:crypto";
import { db } from "../../lib/db";
import type { RecordPaymentRequest } from "../../lib/payments/record-payment";

let txn = randomInt(100_000_000, 900_000_000);

/**
 * A citizen's 12-month policy paid at a Megacom terminal, a fresh txn id: at 12:00 in Bishkek on 10 March 2024 unless
 * `paidAt` says when — and it reached the portal at once (`receivedAt`, unless given too).
 */
export function terminalPayment(pin: string, overrides: Partial<RecordPaymentRequest> = {}): RecordPaymentRequest {
  const paidAt = overrides.paidAt ?? new Date("2024-03-10T06:00:00Z");
  return {
    channel: "MEGACOM",
    externalTxnId: `tp${++txn}`,
    account: pin,
    paidAt,
    receivedAt: paidAt,
    amountSom: 1840,
    payer: { name: "", phone: "+996700123456" },
    beneficiary: { pin, lastName: "Жумабаев", firstName: "Нурлан", category: "CITIZEN", phone: "+996700123456" },
    termMonths: 12,
    issueChannel: "TERMINAL",
    actor: { id: null, label: "terminal:megacom" },
    ...overrides,
  };
}

/** The people with this PIN, and the policies, payments, messages and audit rows written for them. */
export async function writtenFor(pin: string) {
  const people = await db.person.findMany({ where: { pin }, include: { policies: { include: { payments: true } } } });
  const policyIds = people.flatMap((p) => p.policies.map((x) => x.id));
  const paymentIds = people.flatMap((p) => p.policies.flatMap((x) => x.payments.map((y) => y.id)));
  return {
    people,
    policies: policyIds.length,
    payments: paymentIds.length,
    messages: await db.notification.count({ where: { policyId: { in: policyIds } } }),
    audits: await db.auditLog.findMany({
      where: { entityId: { in: [...policyIds, ...paymentIds] } },
      orderBy: { action: "asc" },
    }),
  };
}
