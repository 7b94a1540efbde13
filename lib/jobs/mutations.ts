import "server-only";
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/db/calendar";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/client";
import type { CalendarDate } from "@/lib/rules";

/**
 * PENDING purchase orders created before `cutoff` become EXPIRED. One UPDATE … WHERE status = 'PENDING': two workers
 * running it at once expire each order once (the second finds the row no longer PENDING). A confirmation arriving
 * later is handled by lib/orders/payment-callback.ts (the money goes to the refunds queue).
 */
export async function expirePendingOrders(cutoff: Date): Promise<number> {
  const { count } = await db.purchaseOrder.updateMany({
    where: { status: "PENDING", createdAt: { lt: cutoff } },
    data: { status: "EXPIRED" },
  });
  return count;
}

/**
 * Takes a message for sending: it is leased until `leaseUntil`, so another worker skips it meanwhile. False when
 * another worker took it first (or it is no longer due).
 */
export async function claimNotification(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: { id, status: "PENDING", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    data: { nextAttemptAt: leaseUntil },
  });
  return count === 1;
}

export async function markNotificationSent(id: string, now: Date): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "SENT", sentAt: now, nextAttemptAt: null },
  });
}

/** A failed attempt: try again at `retryAt`, or give up (FAILED) when it is null. */
export async function markNotificationFailed(
  id: string,
  attempts: number,
  retryAt: Date | null,
  errorCode: string,
): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: "PENDING" },
    data: {
      attempts,
      lastError: errorCode.slice(0, 100),
      nextAttemptAt: retryAt,
      ...(retryAt ? {} : { status: "FAILED" as const }),
    },
  });
}

export type ReminderRow = {
  policyId: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  phone: string | null;
  email: string | null;
  text: string;
  sendOn: CalendarDate;
};

/** Queues reminders; (policy, kind, channel) is unique, so a reminder already queued — by this run or any other — is skipped. */
export async function queueReminders(rows: readonly ReminderRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: rows.map((r) => ({ ...r, sendOn: toDbDate(r.sendOn) })),
    skipDuplicates: true,
  });
  return count;
}
