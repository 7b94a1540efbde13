import { writeAudit } from "@/lib/audit/mutations";
import { canViewPaymentStatement, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import { findCoverageByPersonId } from "@/lib/policies/queries";
import { insuredStatusOn, type CalendarDate } from "@/lib/rules";
import type { PaymentStatement } from "./view-models";
import { fullName } from "@/lib/people/full-name";

/**
 * A person's payment statement (model: seed 004, appendix 2): every payment for their policies with its date,
 * amount, channel, the period it covers, the payer, the refunded amount and the policy's status, and the insured
 * status today. Personal data: every view is written to the audit log.
 */
export async function findPaymentStatement(
  user: StaffUser,
  pin: string,
  today: CalendarDate,
): Promise<PaymentStatement | null> {
  if (!canViewPaymentStatement(user)) throw new AppError("errors.forbidden");
  const person = await db.person.findUnique({
    where: { pin },
    select: { id: true, lastName: true, firstName: true, patronymic: true, pin: true, birthDate: true },
  });
  await writeAudit(db, {
    actor: { id: user.id, label: user.login },
    action: "person.statement_view",
    entity: "Person",
    entityId: person?.id ?? null,
    after: { found: Boolean(person) },
  });
  if (!person) return null;
  const payments = await db.payment.findMany({
    where: { policy: { personId: person.id } },
    include: { policy: { select: { number: true, validFrom: true, validTo: true, status: true } } },
    orderBy: { paidAt: "asc" },
  });
  return {
    // found by PIN: a person with a PIN always has a birth date (the PIN carries it, SPEC §8; lib/people/mutations.ts)
    person: { fullName: fullName(person), pin: person.pin, birthDate: fromDbDate(person.birthDate!) },
    status: insuredStatusOn(await findCoverageByPersonId(person.id), today),
    rows: payments.map((p) => ({
      paidAt: p.paidAt.toISOString(),
      lateDated: p.lateDated,
      receivedAt: p.receivedAt.toISOString(),
      amountSom: p.amountSom,
      channel: p.channel,
      policyNumber: p.policy?.number ?? null,
      validFrom: fromDbDateOrNull(p.policy?.validFrom ?? null),
      validTo: fromDbDateOrNull(p.policy?.validTo ?? null),
      payerName: p.payerName,
      refundedSom: p.refundedSom,
      policyStatus: p.policy?.status ?? null,
    })),
    generatedAt: new Date().toISOString(),
    generatedBy: user.fullName,
  };
}
