import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of the exact bytes sent, hex: what a provider puts in its signature header. */
export function signBody(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/** Constant-time comparison, so the answer's timing does not reveal how much of a forged signature was right. */
export function isValidSignature(body: string, signature: string | null | undefined, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signBody(body, secret), "hex");
  const given = Buffer.from(signature, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function sha256Hex(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
