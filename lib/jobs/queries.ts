import "server-only";
import { db } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import type { CalendarDate } from "@/lib/rules";

/** Outbox messages that may be sent now: PENDING, their day has come, not waiting for a retry or another worker. */
export async function dueNotifications(today: CalendarDate, now: Date, take: number) {
  return db.notification.findMany({
    where: {
      status: "PENDING",
      sendOn: { lte: toDbDate(today) },
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
    },
    orderBy: [{ sendOn: "asc" }, { createdAt: "asc" }],
    take,
    select: { id: true, kind: true, channel: true, phone: true, email: true, text: true, attempts: true },
  });
}

export type EndingPolicy = {
  policyId: string;
  number: string;
  validTo: CalendarDate;
  phone: string | null;
  email: string | null;
  locale: string;
};

/**
 * Issued policies ending between `from` and `to` (inclusive) whose holder has no other issued policy running past
 * them (a renewed person gets no reminder). The phone is the person's, else the one given on the policy's order; the
 * language is the one the policy was bought in (Russian when it was issued at an office).
 */
export async function policiesEndingBetween(from: CalendarDate, to: CalendarDate): Promise<EndingPolicy[]> {
  const rows = await db.policy.findMany({
    where: { status: "ISSUED", validTo: { gte: toDbDate(from), lte: toDbDate(to) } },
    select: {
      id: true,
      number: true,
      validTo: true,
      person: {
        select: {
          phone: true,
          email: true,
          policies: { where: { status: "ISSUED" }, select: { id: true, validTo: true } },
        },
      },
      purchaseOrders: { orderBy: { createdAt: "desc" }, take: 1, select: { phone: true, locale: true } },
    },
  });
  return rows
    .filter((p) => !p.person.policies.some((o) => o.id !== p.id && o.validTo && p.validTo && o.validTo > p.validTo))
    .map((p) => ({
      policyId: p.id,
      number: p.number,
      validTo: fromDbDate(p.validTo!),
      phone: p.person.phone ?? p.purchaseOrders[0]?.phone ?? null,
      email: p.person.email,
      locale: p.purchaseOrders[0]?.locale ?? "ru",
    }));
}
