import "server-only";
import type { AuditActor } from "@/lib/audit/mutations";
import { writeAudits } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import type { IssueChannel, PaymentChannel, Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { queuePolicyNotifications } from "@/lib/notifications/mutations";
import { findOrCreatePersonForUpdate, type PersonIdentity } from "@/lib/people/mutations";
import { nextElectronicPolicyNumber } from "@/lib/policies/mutations";
import { findCoverage } from "@/lib/policies/queries";
import { findTariffRows } from "@/lib/policies/queries";
import { bishkekDate, planPurchase, type CalendarDate, type Refusal } from "@/lib/rules";

type Tx = Prisma.TransactionClient;

export type RecordPaymentRequest = {
  channel: PaymentChannel;
  /** the channel's own transaction id: (channel, externalTxnId) is unique in the database */
  externalTxnId: string;
  /** the beneficiary's identifier exactly as the channel sent it; a replay must carry the same */
  account: string;
  /** the instant the person paid: its Bishkek day is the payment day (SPEC §3), however late we hear of it */
  paidAt: Date;
  amountSom: number;
  payer: { name: string; phone?: string | null };
  beneficiary: PersonIdentity;
  termMonths: number;
  issueChannel: IssueChannel;
  /** a channel that identified the person (a PIN checked against the register) counts as an identity document */
  hasIdentityDocument?: boolean;
  officeId?: number | null;
  registeredById?: string | null;
  actor: AuditActor;
  locale?: Locale;
  /** runs inside the transaction once payment and policy exist (e.g. marks a purchase order paid) */
  afterIssue?: (tx: Tx, issued: IssuedPolicy) => Promise<void>;
};

export type IssuedPolicy = {
  paymentId: string;
  policyId: string;
  policyNumber: string;
  paymentDay: CalendarDate;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  amountSom: number;
};

export type RecordPaymentResult =
  | ({ outcome: "created" } & IssuedPolicy)
  /** the same transaction again (a replay or a concurrent duplicate): the first result, nothing changed */
  | ({ outcome: "duplicate" } & IssuedPolicy)
  /** the same transaction id from this channel with another account or amount: refused, nothing changed */
  | { outcome: "conflict"; paymentId: string }
  | { outcome: "refused"; paymentDay: CalendarDate; refusals: Refusal[] }
  /** the amount is not the price of the policy on the payment day */
  | { outcome: "wrong_amount"; paymentDay: CalendarDate; expectedSom: number };

class Abort extends Error {
  constructor(readonly result: RecordPaymentResult) {
    super(result.outcome);
  }
}

/**
 * What an already recorded transaction means for a new request carrying the same id. Inside a transaction it must
 * read through that transaction: PGlite has one connection, and a read beside the transaction would wait for it.
 */
async function existingOutcome(
  req: RecordPaymentRequest,
  client: Tx | typeof db = db,
): Promise<RecordPaymentResult | null> {
  const payment = await client.payment.findUnique({
    where: { channel_externalTxnId: { channel: req.channel, externalTxnId: req.externalTxnId } },
    include: { policy: { select: { id: true, number: true, validFrom: true, validTo: true } } },
  });
  if (!payment) return null;
  if (payment.account !== req.account || payment.amountSom !== req.amountSom || !payment.policy) {
    return { outcome: "conflict", paymentId: payment.id };
  }
  return {
    outcome: "duplicate",
    paymentId: payment.id,
    policyId: payment.policy.id,
    policyNumber: payment.policy.number,
    paymentDay: bishkekDate(payment.paidAt),
    validFrom: fromDbDate(payment.policy.validFrom!),
    validTo: fromDbDate(payment.policy.validTo!),
    amountSom: payment.amountSom,
  };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/**
 * A confirmed payment becomes exactly one payment record and one policy (cl. 20–21: one payment = one person = one
 * policy), in one transaction, or nothing at all. Idempotent by (channel, external transaction id), enforced by the
 * database: a replay, or ten identical requests at once, yield the first result and change nothing.
 * Every channel that takes money for a policy — the portal's acquirer, terminals, cash-desk receipts — comes here.
 */
export async function recordPayment(req: RecordPaymentRequest): Promise<RecordPaymentResult> {
  const known = await existingOutcome(req);
  if (known) return known;
  try {
    return await db.$transaction(
      async (tx) => {
        const person = await findOrCreatePersonForUpdate(tx, req.beneficiary);
        // A concurrent duplicate waited on the person's lock while the first request committed: it is the same
        // transaction, not a second purchase (which the rules would refuse as POLICY_ALREADY_PAID).
        const committed = await existingOutcome(req, tx);
        if (committed) throw new Abort(committed);
        const [coverage, tariffs] = await Promise.all([findCoverage({ id: person.id }, tx), findTariffRows(tx)]);
        const plan = planPurchase({
          person: {
            category: req.beneficiary.category,
            birthDate: fromDbDate(person.birthDate),
            sex: person.sex,
            hasIdentityDocument: req.hasIdentityDocument ?? true,
          },
          termMonths: req.termMonths,
          paidAt: req.paidAt,
          coverage,
          tariffs,
        });
        if (!plan.ok) throw new Abort({ outcome: "refused", paymentDay: plan.paymentDay, refusals: plan.refusals });
        if (plan.priceSom !== req.amountSom)
          throw new Abort({ outcome: "wrong_amount", paymentDay: plan.paymentDay, expectedSom: plan.priceSom });

        const tariff = plan.tariff
          ? tariffs.find(
              (t) =>
                t.category === plan.tariff!.category &&
                t.termMonths === plan.tariff!.termMonths &&
                t.effectiveFrom === plan.tariff!.effectiveFrom,
            )
          : null;
        const number = await nextElectronicPolicyNumber(tx, plan.paymentDay);
        const policy = await tx.policy.create({
          data: {
            number,
            personId: person.id,
            category: plan.category,
            termMonths: plan.termMonths,
            priceSom: plan.priceSom,
            tariffId: tariff?.id ?? null,
            status: "ISSUED",
            validFrom: toDbDate(plan.validFrom),
            validTo: toDbDate(plan.validTo),
            channel: req.issueChannel,
            officeId: req.officeId ?? null,
            createdById: req.registeredById ?? null,
          },
        });
        // The unique (channel, externalTxnId) decides here between concurrent duplicates: the loser rolls back.
        const payment = await tx.payment.create({
          data: {
            channel: req.channel,
            externalTxnId: req.externalTxnId,
            account: req.account,
            amountSom: req.amountSom,
            paidAt: req.paidAt,
            payerName: req.payer.name,
            payerPhone: req.payer.phone ?? null,
            status: "CONFIRMED",
            policyId: policy.id,
            officeId: req.officeId ?? null,
            registeredById: req.registeredById ?? null,
          },
        });
        const issued: IssuedPolicy = {
          paymentId: payment.id,
          policyId: policy.id,
          policyNumber: number,
          paymentDay: plan.paymentDay,
          validFrom: plan.validFrom,
          validTo: plan.validTo,
          amountSom: req.amountSom,
        };
        await queuePolicyNotifications(tx, {
          policyId: policy.id,
          number,
          phone: req.beneficiary.phone ?? req.payer.phone,
          amountSom: req.amountSom,
          paymentDay: plan.paymentDay,
          validFrom: plan.validFrom,
          validTo: plan.validTo,
          locale: req.locale,
        });
        await writeAudits(tx, [
          {
            actor: req.actor,
            action: "payment.register",
            entity: "Payment",
            entityId: payment.id,
            after: {
              channel: req.channel,
              externalTxnId: req.externalTxnId,
              amountSom: req.amountSom,
              paidAt: req.paidAt.toISOString(),
              policyNumber: number,
            },
          },
          {
            actor: req.actor,
            action: "policy.issue",
            entity: "Policy",
            entityId: policy.id,
            after: {
              number,
              personId: person.id,
              category: plan.category,
              termMonths: plan.termMonths,
              priceSom: plan.priceSom,
              validFrom: plan.validFrom,
              validTo: plan.validTo,
              isRenewal: plan.isRenewal,
            },
          },
        ]);
        await req.afterIssue?.(tx, issued);
        return { outcome: "created" as const, ...issued };
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
  } catch (e) {
    if (e instanceof Abort) return e.result;
    if (isUniqueViolation(e)) {
      const known = await existingOutcome(req);
      if (known) return known;
    }
    throw e;
  }
}
