import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Where the bytes of uploaded documents live. PostgreSQL by default (lib/storage/mutations.ts): a document commits in
 * the same transaction as the case it belongs to, is backed up with it and every app instance sees it. An
 * S3-compatible bucket (lib/storage/s3.ts) for large installations: the object is written before the transaction
 * that records it, so a failed transaction can leave an unreferenced object, never a reference without its object.
 */
export interface FileStorage {
  readonly kind: "postgres" | "s3";
  put(tx: Prisma.TransactionClient, key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

export type S3StorageConfig = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

/** `FILE_STORAGE=s3` with `S3_BUCKET` (and `S3_ENDPOINT`, `S3_REGION`, keys) selects the bucket; else PostgreSQL. */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): S3StorageConfig | null {
  if (env.FILE_STORAGE !== "s3") return null;
  if (!env.S3_BUCKET) throw new Error("FILE_STORAGE=s3 needs S3_BUCKET");
  return {
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || "us-east-1",
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== "false",
  };
}
