import "server-only";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/db/calendar";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import { getPaymentProvider, type PaymentProvider } from "@/lib/payment-provider";
import type { Refusal } from "@/lib/rules";
import type { BuyDraft } from "./draft";
import { planForDraft } from "./journey";

type Order = { id: string; secret: string; priceSom: number; termMonths: number; locale: string; providerRef: string | null };

/** The portal's own address, for the URLs an acquirer calls back and returns to. */
export async function portalBaseUrl(): Promise<string> {
  const configured = process.env.PORTAL_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}

export function orderPath(locale: string, secret: string): string {
  return `/${locale}/orders/${secret}`;
}

/** Sends the person to the acquirer for this order; a resumed order keeps its provider reference (one payment). */
export async function startCheckout(order: Order, provider: PaymentProvider = getPaymentProvider(), baseUrl?: string): Promise<string> {
  const base = baseUrl ?? (await portalBaseUrl());
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

export type CreateOrderResult = { ok: true; orderId: string; secret: string; priceSom: number } | { ok: false; refusals: Refusal[] };

/**
 * The answers become an order (cl. 20–21: one order = one person = one payment = one policy). The price is the
 * rules' price for a payment now, from the tariffs in the database — never a number from the browser. The order's
 * secret (32 random bytes) is the only key to its confirmation page.
 */
export async function createOrderFromDraft(draft: BuyDraft, locale: Locale, now: Date, basketId?: string | null): Promise<CreateOrderResult> {
  const planned = await planForDraft(draft, now);
  if (!planned) return { ok: false, refusals: [] };
  const { plan, identity } = planned;
  if (!plan.ok) return { ok: false, refusals: plan.refusals };
  const secret = randomBytes(32).toString("base64url");
  const fullName = [draft.lastName, draft.firstName, draft.patronymic].filter(Boolean).join(" ");
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
        payerName: fullName,
        locale,
      },
    });
    await writeAudit(tx, {
      actor: { id: null, label: "public" },
      action: "order.create",
      entity: "PurchaseOrder",
      entityId: created.id,
      after: { category: plan.category, termMonths: plan.termMonths, priceSom: plan.priceSom, idKind: identity.pin ? "PIN" : "DOCUMENT" },
    });
    return created;
  });
  return { ok: true, orderId: order.id, secret, priceSom: order.priceSom };
}

/** The journey's answers as they were in an order, to try a declined payment again. */
export function draftFromOrder(order: {
  pin: string | null; documentType: BuyDraft["documentType"] | null; documentNumber: string | null; birthDate: string | null; sex: BuyDraft["sex"] | null;
  lastName: string; firstName: string; patronymic: string | null; phone: string; category: BuyDraft["category"]; termMonths: number;
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
