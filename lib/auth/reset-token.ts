import { createHash, randomBytes } from "node:crypto";

/**
 * One-time password-reset links (issue 15): 256 random bits, shown once to the admin as a link; only the SHA-256 is
 * stored, so a copy of the database opens no account. A link lasts RESET_LINK_HOURS and works once.
 */
export const RESET_LINK_HOURS = 24;

export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
