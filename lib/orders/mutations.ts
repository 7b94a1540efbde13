import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { db, MONEY_TX_OPTIONS } from "@/lib/db";
import { toDbDate } from "@/lib/db/calendar";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import { getPaymentProvider, type PaymentProvider } from "@/lib/payments/acquirer";
import type { PaymentChannel, Prisma } from "@/lib/generated/prisma/client";
import { todayInBishkek } from "@/lib/dates";
import { openSystemRefundCase } from "@/lib/refunds/mutations";
import type { IssuedPolicy } from "@/lib/payments/record-payment";
import type { Refusal } from "@/lib/rules";
import type { BuyDraft } from "./draft";
import { planForDraft } from "./journey";
import { fullName } from "@/lib/people/full-name";

type Order = {
  id: string;
  secret: string;
  priceSom: number;
  termMonths: number;
  locale: string;
  providerRef: string | null;
};

export function orderPath(locale: string, secret: string): string {
  return `/${locale}/orders/${secret}`;
}

/** Sends the person to the acquirer for this order; a resumed order keeps its provider reference (one payment). */
export async function startCheckout(
  order: Order,
  baseUrl: string,
  provider: PaymentProvider = getPaymentProvider(),
): Promise<string> {
  const base = baseUrl;
  const locale = (order.locale === "ky" ? "ky" : "ru") as Locale;
  const t = translatorFor(locale);
  const checkout = await provider.createCheckout({
    orderRef: order.id,
    amountSom: order.priceSom,
    description: t("buy.checkout.description", { count: order.termMonths }),
    locale,
    returnUrl: `${base}${orderPath(locale, order.secret)}`,
    callbackUrl: `${base}${provider.callbackPath}`,
    providerRef: order.providerRef,
  });
  if (checkout.providerRef !== order.providerRef) {
    await db.purchaseOrder.update({ where: { id: order.id }, data: { providerRef: checkout.providerRef } });
  }
  return checkout.redirectUrl;
}

export type CreateOrderResult =
  { ok: true; orderId: string; secret: string; priceSom: number } | { ok: false; refusals: Refusal[] };

/**
 * The answers become an order (cl. 20–21: one order = one person = one payment = one policy). The price is the
 * rules' price for a payment now, from the tariffs in the database — never a number from the browser. The order's
 * secret (32 random bytes) is the only key to its confirmation page.
 */
export async function createOrderFromDraft(
  draft: BuyDraft,
  locale: Locale,
  now: Date,
  basketId?: string | null,
): Promise<CreateOrderResult> {
  const planned = await planForDraft(draft, now);
  if (!planned) return { ok: false, refusals: [] };
  const { plan, identity } = planned;
  if (!plan.ok) return { ok: false, refusals: plan.refusals };
  const secret = randomBytes(32).toString("base64url");
  const payerName = fullName({ lastName: draft.lastName!, firstName: draft.firstName!, patronymic: draft.patronymic });
  const order = await db.$transaction(async (tx) => {
    const created = await tx.purchaseOrder.create({
      data: {
        secret,
        basketId: basketId ?? null,
        pin: identity.pin,
        documentType: identity.documentType ?? null,
        documentNumber: identity.documentNumber,
        lastName: draft.lastName!,
        firstName: draft.firstName!,
        patronymic: draft.patronymic || null,
        birthDate: toDbDate(identity.birthDate),
        sex: identity.sex,
        category: plan.category,
        termMonths: plan.termMonths,
        priceSom: plan.priceSom,
        phone: draft.phone!,
        payerName,
        locale,
      },
    });
    await writeAudit(tx, {
      actor: { id: null, label: "public" },
      action: "order.create",
      entity: "PurchaseOrder",
      entityId: created.id,
      after: {
        category: plan.category,
        termMonths: plan.termMonths,
        priceSom: plan.priceSom,
        idKind: identity.pin ? "PIN" : "DOCUMENT",
      },
    });
    return created;
  }, MONEY_TX_OPTIONS);
  return { ok: true, orderId: order.id, secret, priceSom: order.priceSom };
}

/** The journey's answers as they were in an order, to try a declined payment again. */
export function draftFromOrder(order: {
  pin: string | null;
  documentType: BuyDraft["documentType"] | null;
  documentNumber: string | null;
  birthDate: string | null;
  sex: BuyDraft["sex"] | null;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  phone: string;
  category: BuyDraft["category"];
  termMonths: number;
}): BuyDraft {
  return {
    idKind: order.pin ? "PIN" : "DOCUMENT",
    pin: order.pin ?? undefined,
    documentType: order.documentType ?? undefined,
    documentNumber: order.documentNumber ?? undefined,
    birthDate: order.pin ? undefined : (order.birthDate ?? undefined),
    sex: order.pin ? undefined : (order.sex ?? undefined),
    lastName: order.lastName,
    firstName: order.firstName,
    patronymic: order.patronymic ?? undefined,
    phone: order.phone,
    category: order.category,
    termMonths: order.termMonths,
    renewalConfirmed: true,
  };
}

/** The acquirer declined: the order ends DECLINED (no payment, no policy), once. */
export async function markOrderDeclined(
  orderId: string,
  actor: AuditActor,
  details: Record<string, unknown>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.purchaseOrder.updateMany({
      where: { id: orderId, status: "PENDING" },
      data: { status: "DECLINED" },
    });
    if (changed.count === 1) {
      await writeAudit(tx, {
        actor,
        action: "order.declined",
        entity: "PurchaseOrder",
        entityId: orderId,
        after: details,
      });
    }
    return changed.count === 1;
  }, MONEY_TX_OPTIONS);
}

/** An order that is no longer PENDING when its payment commits (a decline or an expiry got there first). */
export class OrderNotPendingError extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} is no longer pending`);
    this.name = "OrderNotPendingError";
  }
}

/** Inside the payment's transaction: only a PENDING order becomes PAID; otherwise the whole payment rolls back. */
export async function markOrderPaid(
  tx: Prisma.TransactionClient,
  orderId: string,
  issued: IssuedPolicy,
): Promise<void> {
  const changed = await tx.purchaseOrder.updateMany({
    where: { id: orderId, status: "PENDING" },
    data: { status: "PAID", paymentId: issued.paymentId, policyId: issued.policyId },
  });
  if (changed.count !== 1) throw new OrderNotPendingError(orderId);
}

/**
 * The provider took the money but no policy may come of it: REJECTED, with the reason and the provider's transaction
 * id, for the refund (cl. 32). From PENDING (the rules refused on the payment day) or, for a confirmation that
 * arrived after the order was declined or expired, from DECLINED / EXPIRED: money received is never dropped. Only one
 * transition ever happens (the status is in the `where`); returns whether this call made it.
 */
export async function markOrderRejected(
  orderId: string,
  reason: string,
  providerTxnId: string,
  actor: AuditActor,
  from: readonly ("PENDING" | "DECLINED" | "EXPIRED")[] = ["PENDING"],
  channel: PaymentChannel = "PORTAL",
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.purchaseOrder.findUnique({
      where: { id: orderId },
      select: { status: true, priceSom: true },
    });
    const changed = await tx.purchaseOrder.updateMany({
      where: { id: orderId, status: { in: [...from] } },
      data: { status: "REJECTED", rejectionReason: reason, rejectedTxnId: providerTxnId },
    });
    if (changed.count === 1) {
      await writeAudit(tx, {
        actor,
        action: "order.rejected",
        entity: "PurchaseOrder",
        entityId: orderId,
        before: { status: before?.status ?? null },
        after: { status: "REJECTED", rejectionReason: reason, rejectedTxnId: providerTxnId },
      });
      // The money goes back: the case enters the refunds queue with the order, once (unique by the order).
      await openSystemRefundCase(tx, {
        ground: reason.startsWith("CONFIRMED_AFTER_") ? "LATE_CONFIRMATION" : "REFUSED_BY_RULES",
        sourceKey: `order:${orderId}`,
        orderId,
        channel,
        providerTxnId,
        amountSom: before?.priceSom ?? 0,
        reason,
        today: todayInBishkek(),
        actor,
      });
    }
    return changed.count === 1;
  }, MONEY_TX_OPTIONS);
}

/** The acquirer answered about an expired order: it is not asked again (issue 16, reconciliation). */
export async function markOrderAcquirerChecked(id: string, at: Date): Promise<void> {
  await db.purchaseOrder.updateMany({ where: { id, acquirerCheckedAt: null }, data: { acquirerCheckedAt: at } });
}
