import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { secretFor } from "@/lib/secrets";

// The registries' search text (a PIN, a document, a policy or receipt number) is posted, never typed into an address;
// the lists then carry it sealed (AES-256-GCM) for the user who searched and for two hours, so paging and the CSV keep
// the search and no PIN lands in a URL, a proxy's log or the browser's history (common rule: a PIN is searched by POST).

const MAX_AGE_MS = 2 * 60 * 60 * 1000;

function key(): Buffer {
  return createHash("sha256").update(secretFor("registry-search", "REGISTRY_SEARCH_SECRET")).digest();
}

export function sealRegistrySearch(text: string, userId: string, issuedAt = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([
    cipher.update(JSON.stringify({ s: text, u: userId, t: issuedAt }), "utf8"),
    cipher.final(),
  ]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The search text, or undefined when the token is missing, altered, expired or another user's. */
export function openRegistrySearch(token: string | undefined, userId: string, now = Date.now()): string | undefined {
  if (!token) return undefined;
  try {
    const [iv, tag, body] = token.split(".").map((p) => Buffer.from(p, "base64url"));
    if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", key(), iv);
    decipher.setAuthTag(tag);
    const json = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as {
      s?: unknown;
      u?: unknown;
      t?: unknown;
    };
    if (json.u !== userId || typeof json.t !== "number" || now - json.t > MAX_AGE_MS) return undefined;
    return typeof json.s === "string" ? json.s : undefined;
  } catch {
    return undefined;
  }
}
