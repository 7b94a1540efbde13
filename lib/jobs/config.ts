// Settings of the housekeeping jobs (issue 16), from the environment, with defaults that suit a small deployment.

type Env = Record<string, string | undefined>;

function positiveInt(name: string, fallback: number, env: Env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return n;
}

export type JobsConfig = {
  /** a PENDING purchase order older than this is EXPIRED */
  orderPendingExpiryMinutes: number;
  /** failed attempts after which an outbox message is FAILED for good */
  outboxMaxAttempts: number;
  /** the first retry waits this long; each next one twice as long */
  outboxBackoffSeconds: number;
  /** a PENDING online order older than this is checked with the acquirer's status query */
  acquirerReconcileAfterMinutes: number;
  /** the base of the renewal link: `${portalUrl}/<locale>/buy` */
  portalUrl: string;
};

export function jobsConfig(env: Env = process.env): JobsConfig {
  return {
    orderPendingExpiryMinutes: positiveInt("ORDER_PENDING_EXPIRY_MINUTES", 60, env),
    acquirerReconcileAfterMinutes: positiveInt("ACQUIRER_RECONCILE_AFTER_MINUTES", 5, env),
    outboxMaxAttempts: positiveInt("OUTBOX_MAX_ATTEMPTS", 6, env),
    outboxBackoffSeconds: positiveInt("OUTBOX_BACKOFF_SECONDS", 60, env),
    portalUrl: (env.PORTAL_URL || env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, ""),
  };
}

/**
 * When a message that has failed `attempts` times (1, 2, …) is tried again: base · 2^(attempts−1), so 1, 2, 4, 8 …
 * minutes with the default base; null once the last allowed attempt has failed (the message is given up).
 */
export function nextAttemptAfterFailure(
  attempts: number,
  now: Date,
  cfg: Pick<JobsConfig, "outboxMaxAttempts" | "outboxBackoffSeconds">,
): Date | null {
  if (attempts >= cfg.outboxMaxAttempts) return null;
  const delaySeconds = cfg.outboxBackoffSeconds * 2 ** Math.max(0, attempts - 1);
  return new Date(now.getTime() + delaySeconds * 1000);
}
