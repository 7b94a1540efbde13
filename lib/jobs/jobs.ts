import { addDays } from "@/lib/rules";
import { todayInBishkek } from "@/lib/dates";
import { routing, type Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import { clearExpiredLimits } from "@/lib/limits";
import { foldDashboardRollups } from "@/lib/reports/mutations";
import { countJobRun } from "@/lib/metrics";
import { jobsConfig, nextAttemptAfterFailure, type JobsConfig } from "./config";
import {
  claimNotification,
  expirePendingOrders,
  markNotificationFailed,
  markNotificationSent,
  queueReminders,
  type ReminderRow,
} from "./mutations";
import { reconcileOrdersWithAcquirer } from "@/lib/orders/reconcile";
import { dueNotifications, policiesEndingBetween } from "./queries";
import { logOnlySender, SendError, type MessageSender } from "./sender";

// The housekeeping jobs of issue 16. Each is idempotent and safe when two app instances run it at the same moment:
// the database decides (conditional updates, unique keys), never the scheduler. The scheduler (./scheduler.ts) and the
// CLI (npm run jobs:run -- <job>) call the same functions.

export type JobContext = { now: Date; config: JobsConfig; sender: MessageSender };

function context(over: Partial<JobContext> = {}): JobContext {
  return { now: over.now ?? new Date(), config: over.config ?? jobsConfig(), sender: over.sender ?? logOnlySender };
}

/** (a) abandoned purchases: PENDING orders older than ORDER_PENDING_EXPIRY_MINUTES become EXPIRED. */
export async function expireOrders(over: Partial<JobContext> = {}): Promise<{ expired: number }> {
  const { now, config } = context(over);
  const cutoff = new Date(now.getTime() - config.orderPendingExpiryMinutes * 60_000);
  return { expired: await expirePendingOrders(cutoff) };
}

/** (d) online payments whose notification never came: asked of the acquirer (lib/orders/reconcile.ts). */
export async function reconcilePayments(over: Partial<JobContext> = {}): Promise<Record<string, number>> {
  const { now, config } = context(over);
  return reconcileOrdersWithAcquirer({ now, afterMinutes: config.acquirerReconcileAfterMinutes });
}

/** How long a worker holds a message it is sending before another may try it (a crashed worker's lease runs out). */
const SEND_LEASE_MS = 5 * 60_000;
const OUTBOX_BATCH = 100;

/** (b) the outbox: due messages are sent; a failure is retried with exponential backoff, then given up (FAILED). */
export async function drainOutbox(
  over: Partial<JobContext> = {},
): Promise<{ sent: number; retried: number; failed: number }> {
  const { now, config, sender } = context(over);
  const result = { sent: 0, retried: 0, failed: 0 };
  const today = todayInBishkek();
  for (const m of await dueNotifications(today, now, OUTBOX_BATCH)) {
    if (!(await claimNotification(m.id, now, new Date(now.getTime() + SEND_LEASE_MS)))) continue;
    const to = m.channel === "EMAIL" ? m.email : m.phone;
    try {
      if (!to) throw new SendError("NO_RECIPIENT");
      await sender.send({ id: m.id, kind: m.kind, channel: m.channel, to, text: m.text });
      await markNotificationSent(m.id, new Date());
      result.sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      const retryAt = to ? nextAttemptAfterFailure(attempts, now, config) : null;
      await markNotificationFailed(m.id, attempts, retryAt, e instanceof SendError ? e.code : "SEND_ERROR");
      if (retryAt) result.retried++;
      else result.failed++;
    }
  }
  return result;
}

/** The reminders before a policy ends: how many days before, and the outbox kind. */
const REMINDERS = [
  { days: 30, kind: "RENEWAL_30_DAYS" },
  { days: 7, kind: "RENEWAL_7_DAYS" },
] as const;

const isLocale = (s: string): s is Locale => (routing.locales as readonly string[]).includes(s);

function smsDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}

/**
 * (c) reminders 30 and 7 days before an issued policy ends, in the language it was bought in, by SMS (and by e-mail
 * when the person gave an address), with the renewal link. A day missed (the job did not run) is caught up: the
 * 30-day reminder goes to policies ending in 8–30 days, the 7-day one to those ending in 0–7 days. Queued once per
 * policy, reminder and channel (a unique key), however often and however concurrently the job runs.
 */
export async function queueRenewalReminders(over: Partial<JobContext> = {}): Promise<{ queued: number }> {
  const { config } = context(over);
  const today = todayInBishkek();
  const rows: ReminderRow[] = [];
  let nearer = -1;
  for (const r of [...REMINDERS].sort((a, b) => a.days - b.days)) {
    for (const p of await policiesEndingBetween(addDays(today, nearer + 1), addDays(today, r.days))) {
      const locale = isLocale(p.locale) ? p.locale : "ru";
      const t = translatorFor(locale);
      const text = t("notifications.renewalReminder", {
        number: p.number,
        to: smsDate(p.validTo),
        days: r.days,
        link: `${config.portalUrl}/${locale}/buy`,
      });
      const base = { policyId: p.policyId, kind: r.kind, text, sendOn: today };
      if (p.phone) rows.push({ ...base, channel: "SMS", phone: p.phone, email: null });
      if (p.email) rows.push({ ...base, channel: "EMAIL", phone: null, email: p.email });
    }
    nearer = r.days;
  }
  return { queued: await queueReminders(rows) };
}

/**
 * (e) rate-limit counters whose window is over are deleted (issue 17): without it the shared counters table keeps a
 * row for every PIN ever checked. A counter that is counting at that moment is left for the next run.
 */
export async function clearRateLimits(over: Partial<JobContext> = {}): Promise<{ cleared: number }> {
  const { now } = context(over);
  return { cleared: await clearExpiredLimits(now.getTime()) };
}

/**
 * (f) the Fund dashboard's rollups: the rows each database connection wrote to its own slot (so that concurrent
 * payments never wait for one row, issue 17) are folded into one row per figure; the figures do not change.
 */
async function foldDashboardRollupSlots(): Promise<{ folded: number }> {
  return { folded: await foldDashboardRollups() };
}

export const JOBS = {
  "expire-orders": expireOrders,
  "reconcile-payments": reconcilePayments,
  "drain-outbox": drainOutbox,
  "renewal-reminders": queueRenewalReminders,
  "clear-rate-limits": clearRateLimits,
  "fold-dashboard-rollups": foldDashboardRollupSlots,
} as const;

export type JobName = keyof typeof JOBS;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Runs one job once and counts the run in /api/metrics (oms_job_runs_total). */
export async function runJob(name: JobName, over: Partial<JobContext> = {}): Promise<Record<string, number>> {
  try {
    const result = await JOBS[name](over);
    countJobRun(name, "ok");
    return result;
  } catch (e) {
    countJobRun(name, "error");
    throw e;
  }
}
