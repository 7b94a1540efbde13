import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { baseSecret } from "@/lib/secrets";
import type { StaffRole } from "./permissions";

/**
 * The second factor (issue 11, hole 10): TOTP (RFC 6238, 30 s, 6 digits, SHA-1 — what every authenticator app
 * reads) with ten single-use recovery codes. Required for refund officers and admins (they move money and accounts);
 * optional for everyone else — also for the Fund's analyst, whose role changes nothing (issue 15: read-only; the
 * record pages that show a full PIN are audited). The secret is stored encrypted (AES-256-GCM, key TOTP_ENCRYPTION_KEY or derived from
 * NEXTAUTH_SECRET); recovery codes only as SHA-256 hashes (they are random, 50 bits each).
 */
const ISSUER = "ОМС КР";
const REQUIRED_FOR: readonly StaffRole[] = ["REFUND_OFFICER", "ADMIN"];

export function secondFactorRequired(role: StaffRole): boolean {
  return REQUIRED_FOR.includes(role);
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, login: string) {
  return new TOTP({ issuer: ISSUER, label: login, algorithm: "SHA1", digits: 6, period: 30, secret: secretBase32 });
}

/** The otpauth:// URI an authenticator app reads (shown as a QR code at enrolment). */
export function totpUri(secretBase32: string, login: string): string {
  return totp(secretBase32, login).toString();
}

const PERIOD_MS = 30_000;

/**
 * The time-step a code from the app belongs to: right now, or one step before or after (clock drift); null when it
 * matches none. A code is single-use (issue 11): the caller accepts only a step later than the last one it accepted
 * for the account (`User.totpLastStep`, lib/users/mutations.ts `spendTotpCode`).
 */
export function totpStep(secretBase32: string, code: string, now: number = Date.now()): number | null {
  const clean = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secretBase32, "x").validate({ token: clean, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta;
}

function key(): Buffer {
  const own = process.env.TOTP_ENCRYPTION_KEY;
  if (own) return createHash("sha256").update(own).digest();
  const base = baseSecret();
  if (!base) throw new Error("TOTP_ENCRYPTION_KEY (or NEXTAUTH_SECRET) must be set in production");
  return createHmac("sha256", base).update("oms-portal:totp-secrets").digest();
}

export function encryptTotpSecret(secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

export function decryptTotpSecret(sealed: string): string | null {
  const [v, iv, tag, data] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i

/** Ten recovery codes like "k7m2x-p9q4r", shown once; store only their hashes. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(
      code
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ""),
    )
    .digest("hex");
}

/** The index of the stored hash this recovery code matches, or -1. */
export function matchRecoveryCode(hashes: readonly string[], code: string): number {
  const given = Buffer.from(hashRecoveryCode(code), "hex");
  return hashes.findIndex((h) => {
    const stored = Buffer.from(h, "hex");
    return stored.length === given.length && timingSafeEqual(stored, given);
  });
}
