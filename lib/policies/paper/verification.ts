import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { secretFor } from "@/lib/secrets";

// The public verification link printed as the paper policy's QR code (issue 12): the number and a short HMAC of it,
// so that a number cannot be walked through (E-2026-0000123, …124, …) — a bare or altered number answers 404.
// The key is POLICY_QR_SECRET, or derived from NEXTAUTH_SECRET; production has one or refuses (lib/secrets.ts).
// Changing the key invalidates every printed QR code: keep it for as long as paper policies run (12 months).

/** 12 bytes of HMAC-SHA256 = 16 base64url characters: short enough for a small QR code, 96 bits to guess. */
const SIGNATURE_BYTES = 12;

/** The characters a policy number may have (electronic E-2026-0000123, office and contract numbers alike). */
const POLICY_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,40}$/;

function sign(number: string): Buffer {
  return createHmac("sha256", secretFor("policy-qr", "POLICY_QR_SECRET"))
    .update(`policy-verify:v1:${number}`, "utf8")
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function policySignature(number: string): string {
  return sign(number).toString("base64url");
}

/** Constant-time: the answer's timing does not reveal how much of a forged signature was right. */
export function isValidPolicySignature(number: string, signature: string): boolean {
  if (!POLICY_NUMBER_PATTERN.test(number) || !/^[A-Za-z0-9_-]{16}$/.test(signature)) return false;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(number);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page's path under the portal's address: /<locale>/verify/<number>/<signature>. */
export function verificationPath(locale: string, number: string): string {
  return `/${locale}/verify/${encodeURIComponent(number)}/${policySignature(number)}`;
}
