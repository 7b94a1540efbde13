/**
 * The base secret of the installation: NEXTAUTH_SECRET, which production must set. A fresh clone in development gets
 * a fixed, non-secret value so that `npm run dev` needs no set-up. Purpose-specific keys derive from it.
 */
export function baseSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  return process.env.NODE_ENV !== "production" ? "development-only-secret-not-for-production" : undefined;
}
