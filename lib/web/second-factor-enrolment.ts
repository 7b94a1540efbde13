import "server-only";
import QRCode from "qrcode";
import { decryptTotpSecret, encryptTotpSecret, newTotpSecret, totpUri } from "@/lib/auth/second-factor";

/**
 * An enrolment offer: a fresh secret shown as a QR code and as text, and a sealed copy for the form (AES-GCM, bound to
 * the user) so that the secret comes back untouched and only for the person it was made for.
 */
export async function enrolmentOffer(userId: string, login: string) {
  const secret = newTotpSecret();
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, login), { margin: 1, width: 220 });
  return { secret, qrDataUrl, sealed: encryptTotpSecret(`${userId}:${secret}`) };
}

export function openEnrolmentOffer(sealed: string, userId: string): string | null {
  const opened = decryptTotpSecret(sealed);
  if (!opened) return null;
  const [owner, secret] = opened.split(":");
  return owner === userId && secret ? secret : null;
}
