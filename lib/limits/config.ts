/**
 * The rate limits (issue 11, hole 5), each set by an environment variable so that a partner or a load test can be
 * given its own; the README's "Security" section lists them. A value of 0 switches that limit off.
 */
type Env = Record<string, string | undefined>;

export type LimitName =
  | "statusIp"
  | "statusPin"
  | "statusDocument"
  | "verifyIp"
  | "appealStatusIp"
  | "appealStatusNumber"
  | "appealFileIp"
  | "purchaseStartIp"
  | "signInAccount"
  | "signInIp"
  | "terminalProvider"
  | "terminalRefusedIp";

export type LimitSpec = {
  /** environment variable that sets `points` */
  envVar: string;
  points: number;
  /** window, seconds */
  duration: number;
  /** once over: blocked this long, seconds (a sign-in lockout) */
  blockDuration?: number;
};

const DEFAULTS: Record<LimitName, LimitSpec> = {
  // the public status check: requests per IP per minute, and checks of one PIN per hour (from any address)
  statusIp: { envVar: "RATE_LIMIT_STATUS_PER_MINUTE", points: 60, duration: 60 },
  statusPin: { envVar: "RATE_LIMIT_STATUS_PIN_PER_HOUR", points: 30, duration: 3600 },
  // …and of one identity document's number per hour (a foreigner without a PIN), from any address
  statusDocument: { envVar: "RATE_LIMIT_STATUS_DOCUMENT_PER_HOUR", points: 30, duration: 3600 },
  // the paper policy's verification page (its QR code): requests per IP per minute
  verifyIp: { envVar: "RATE_LIMIT_VERIFY_PER_MINUTE", points: 60, duration: 60 },
  // an appeal's status by number and PIN (cl. 36–37): checks per IP per minute, and tries of one appeal number per
  // hour from any address — a wrong PIN answers "not found", so guessing it is what these limit
  appealStatusIp: { envVar: "RATE_LIMIT_APPEAL_STATUS_PER_MINUTE", points: 10, duration: 60 },
  appealStatusNumber: { envVar: "RATE_LIMIT_APPEAL_STATUS_NUMBER_PER_HOUR", points: 10, duration: 3600 },
  // appeals filed online per IP per hour: each one is a case in an office's queue
  appealFileIp: { envVar: "RATE_LIMIT_APPEAL_FILE_PER_HOUR", points: 10, duration: 3600 },
  // orders started (sent to the acquirer) per IP per hour
  purchaseStartIp: { envVar: "RATE_LIMIT_PURCHASE_START_PER_HOUR", points: 20, duration: 3600 },
  // failed sign-ins of one account in 15 minutes, then locked for RATE_LIMIT_SIGN_IN_LOCKOUT_MINUTES (default 15)
  signInAccount: { envVar: "RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT", points: 5, duration: 900, blockDuration: 900 },
  // failed sign-ins from one IP per hour (any accounts), then locked likewise
  signInIp: { envVar: "RATE_LIMIT_SIGN_IN_FAILURES_PER_IP", points: 30, duration: 3600, blockDuration: 900 },
  // requests of one terminal provider per minute
  terminalProvider: { envVar: "RATE_LIMIT_TERMINAL_PER_MINUTE", points: 600, duration: 60 },
  // requests refused 401/403 at the terminals' routes per IP per minute (they never count against a provider)
  terminalRefusedIp: { envVar: "RATE_LIMIT_TERMINAL_REFUSED_PER_MINUTE", points: 30, duration: 60 },
};

export function limitSpec(name: LimitName, env: Env = process.env): LimitSpec {
  const base = DEFAULTS[name];
  const fromEnv = env[base.envVar];
  const points = fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()) ? Number(fromEnv) : base.points;
  const lockout = env.RATE_LIMIT_SIGN_IN_LOCKOUT_MINUTES;
  const blockDuration =
    base.blockDuration !== undefined && lockout && /^\d+$/.test(lockout) ? Number(lockout) * 60 : base.blockDuration;
  return { ...base, points, blockDuration };
}
