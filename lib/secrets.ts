import { createHmac } from "node:crypto";

/**
 * The base secret of the installation: NEXTAUTH_SECRET, which production must set. A fresh clone in development gets
 * a fixed, non-secret value so that `npm run dev` needs no set-up. Purpose-specific keys derive from it.
 */
export function baseSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  return process.env.NODE_ENV !== "production" ? "development-only-secret-not-for-production" : undefined;
}

/**
 * A secret for one purpose. Its own variable wins; otherwise it is derived from NEXTAUTH_SECRET (which production
 * must set), so a deployment has no well-known key; a fresh clone in development gets a fixed, non-secret one.
 */
export function secretFor(purpose: string, envVar: string): string {
  const own = process.env[envVar];
  if (own) return own;
  const base = baseSecret();
  if (!base) throw new Error(`${envVar} (or NEXTAUTH_SECRET) must be set in production`);
  return createHmac("sha256", base).update(`oms-portal:${purpose}`).digest("base64url");
}
