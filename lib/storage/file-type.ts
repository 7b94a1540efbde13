import { createHash } from "node:crypto";

/**
 * What a refund case may carry (cl. 33: copies of the receipt, the application, the passport, the certificate): a
 * PDF, a JPEG or a PNG, recognised by the first bytes of the content — never by the file's name or the browser's
 * declared type, so an executable renamed to "passport.pdf" is refused.
 */
type AcceptedFileType = "application/pdf" | "image/jpeg" | "image/png";

/** 5 MB: a scanned page or two. `REFUND_UPLOAD_MAX_BYTES` may lower or raise it (the action's body cap is 10 MB). */
export function maxUploadBytes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.REFUND_UPLOAD_MAX_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 5 * 1024 * 1024;
}

const SIGNATURES: { type: AcceptedFileType; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

function sniffFileType(bytes: Uint8Array): AcceptedFileType | null {
  for (const s of SIGNATURES) {
    if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => bytes[i] === b)) return s.type;
  }
  return null;
}

export type FileCheck =
  | { ok: true; contentType: AcceptedFileType; sha256: string; sizeBytes: number }
  | { ok: false; reason: "EMPTY" | "TOO_LARGE" | "WRONG_TYPE" };

/** The checks an upload passes before anything is stored: not empty, not too large, a PDF/JPEG/PNG by content. */
export function checkUpload(bytes: Uint8Array, maxBytes = maxUploadBytes()): FileCheck {
  if (bytes.length === 0) return { ok: false, reason: "EMPTY" };
  if (bytes.length > maxBytes) return { ok: false, reason: "TOO_LARGE" };
  const contentType = sniffFileType(bytes);
  if (!contentType) return { ok: false, reason: "WRONG_TYPE" };
  return { ok: true, contentType, sha256: createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.length };
}
