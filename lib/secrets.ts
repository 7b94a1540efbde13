import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

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

/**
 * A search text (a PIN, a name, a document number) sealed for one staff user for `maxAgeMs` (AES-256-GCM with a key of
 * its own purpose): lists carry it in their address so paging and exports keep the search, and no PIN or name lands in
 * a URL, a proxy's log or the browser's history (the common rule: a PIN is searched by POST). Used by the issuance
 * journal and the national registries.
 */
export type SealedSearch = { purpose: string; envVar: string; maxAgeMs: number };

function searchKey(kind: SealedSearch): Buffer {
  return createHash("sha256").update(secretFor(kind.purpose, kind.envVar)).digest();
}

export function sealSearch(kind: SealedSearch, text: string, userId: string, issuedAt = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", searchKey(kind), iv);
  const body = Buffer.concat([
    cipher.update(JSON.stringify({ s: text, u: userId, t: issuedAt }), "utf8"),
    cipher.final(),
  ]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The search text, or undefined when the token is missing, altered, expired or another user's. */
export function openSearch(
  kind: SealedSearch,
  token: string | undefined,
  userId: string,
  now = Date.now(),
): string | undefined {
  if (!token) return undefined;
  try {
    const [iv, tag, body] = token.split(".").map((p) => Buffer.from(p, "base64url"));
    if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", searchKey(kind), iv);
    decipher.setAuthTag(tag);
    const json = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as {
      s?: unknown;
      u?: unknown;
      t?: unknown;
    };
    if (json.u !== userId || typeof json.t !== "number" || now - json.t > kind.maxAgeMs) return undefined;
    return typeof json.s === "string" ? json.s : undefined;
  } catch {
    return undefined;
  }
}
