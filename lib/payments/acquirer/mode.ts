/**
 * Which acquirer takes card payments, from the environment alone (no I/O, safe to call from any server component).
 * PAYMENT_ACQUIRER names it; only the TEST acquirer exists yet ("test"). Outside production it is the default, so
 * `npm run dev` works offline. In production it answers only when PAYMENT_ACQUIRER=test is set explicitly (and then
 * every page says "test payments — no real money"); unset, online payment is unavailable and the purchase journey
 * offers the terminals instead. Nothing in production falls back to the test acquirer.
 */
type Env = Record<string, string | undefined>;

export type AcquirerName = "test";

export function configuredAcquirer(env: Env = process.env): AcquirerName | null {
  const name = env.PAYMENT_ACQUIRER?.trim();
  if (name === "test") return "test";
  if (name) return null; // unknown name: never a silent fallback
  return env.NODE_ENV === "production" ? null : "test";
}

/** Can a citizen pay online right now? The purchase journey shows "unavailable, use a terminal" otherwise. */
export function isOnlinePaymentAvailable(env: Env = process.env): boolean {
  return configuredAcquirer(env) !== null;
}

/** The test acquirer is in use: every page carries the "test payments — no real money" banner. */
export function isTestPaymentMode(env: Env = process.env): boolean {
  return configuredAcquirer(env) === "test";
}
