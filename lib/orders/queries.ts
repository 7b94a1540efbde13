import "server-only";
import { db } from "@/lib/db";
import { fromDbDateOrNull } from "@/lib/db/calendar";
import type { DocumentType } from "@/lib/generated/prisma/client";
import { findCoverage, findCoverageByPin, findUnfinishedStudentPolicy } from "@/lib/policies/queries";
import { normalizeDocumentNumber, type CoverageInput } from "@/lib/rules";
import { ORDER_SECRET_PATTERN } from "./buy.schema";
import { findPersonByAccount } from "@/lib/people/queries";

/** A foreigner without a PIN: their coverage by document (appendix 4–5). Unknown → uninsured, like the PIN check. */
async function findCoverageByDocument(documentType: DocumentType, documentNumber: string): Promise<CoverageInput> {
  return findCoverage({
    documentType_documentNumber: { documentType, documentNumber: normalizeDocumentNumber(documentNumber) },
  });
}

export async function findCoverageForIdentity(who: {
  pin?: string | null;
  documentType?: DocumentType | null;
  documentNumber?: string | null;
}): Promise<CoverageInput> {
  if (who.pin) return findCoverageByPin(who.pin);
  if (who.documentType && who.documentNumber) return findCoverageByDocument(who.documentType, who.documentNumber);
  return { policies: [], external: [] };
}

/**
 * The order behind a confirmation URL. Only the secret finds it: a wrong or malformed secret is "not found", the
 * same answer as an order that does not exist, so guessing reveals nothing.
 */
export async function findOrderBySecret(secret: string) {
  if (!ORDER_SECRET_PATTERN.test(secret)) return null;
  const order = await db.purchaseOrder.findUnique({
    where: { secret },
    include: {
      policy: {
        select: {
          number: true,
          validFrom: true,
          validTo: true,
          status: true,
          termMonths: true,
          category: true,
          priceSom: true,
        },
      },
      payment: { select: { paidAt: true, amountSom: true, externalTxnId: true } },
    },
  });
  if (!order) return null;
  return {
    ...order,
    birthDate: fromDbDateOrNull(order.birthDate),
    policy: order.policy
      ? {
          ...order.policy,
          validFrom: fromDbDateOrNull(order.policy.validFrom),
          validTo: fromDbDateOrNull(order.policy.validTo),
        }
      : null,
  };
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof findOrderBySecret>>>;

/** What the acquirer needs to start (or resume) the payment of an order. */
export async function findOrderForCheckout(id: string) {
  return db.purchaseOrder.findUniqueOrThrow({
    where: { id },
    select: { id: true, secret: true, priceSom: true, termMonths: true, locale: true, providerRef: true },
  });
}

/** The order an acquirer's notification names, with what decides a replay (its payment) and the answer (policy number). */
export async function findOrderForCallback(id: string) {
  const order = await db.purchaseOrder.findUnique({
    where: { id },
    include: { payment: { select: { channel: true, externalTxnId: true } }, policy: { select: { number: true } } },
  });
  return order ? { ...order, birthDate: fromDbDateOrNull(order.birthDate) } : null;
}

/**
 * A student's policy whose first half is paid and second is not (cl. 4 note; SPEC §2), for the person the journey
 * identified: the purchase then sells its second half.
 */
export async function findUnfinishedStudentPolicyFor(who: { pin?: string | null; documentNumber?: string | null }) {
  const account = who.pin ? { pin: who.pin } : who.documentNumber ? { documentNumber: who.documentNumber } : null;
  const person = account ? await findPersonByAccount(account) : null;
  return person ? findUnfinishedStudentPolicy(person.id) : null;
}

/**
 * Orders to ask the acquirer about (issue 16, reconciliation): PENDING ones sent to pay more than a while ago (their
 * notification may be lost), and EXPIRED ones not yet asked since they expired (the person may have paid at the
 * last moment). Oldest first, at most `limit`.
 */
export async function ordersToReconcile(pendingBefore: Date, expiredSince: Date, limit: number) {
  return db.purchaseOrder.findMany({
    where: {
      providerRef: { not: null },
      OR: [
        { status: "PENDING", createdAt: { lt: pendingBefore } },
        { status: "EXPIRED", acquirerCheckedAt: null, updatedAt: { gte: expiredSince } },
      ],
    },
    select: { id: true, status: true, providerRef: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
}
