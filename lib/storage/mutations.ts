import "server-only";
import { db } from "@/lib/db";
import { s3FileStorage } from "./s3";
import { s3ConfigFromEnv, type FileStorage } from "./storage";

/** Documents in PostgreSQL ("StoredFile", bytea): written by the caller's transaction, read by key. */
const postgresFileStorage: FileStorage = {
  kind: "postgres",
  async put(tx, key, bytes, contentType) {
    await tx.storedFile.create({ data: { key, contentType, content: new Uint8Array(bytes) } });
  },
  async get(key) {
    const row = await db.storedFile.findUnique({ where: { key }, select: { content: true } });
    return row ? new Uint8Array(row.content) : null;
  },
};

let chosen: FileStorage | null = null;

/** The storage this installation uses (see storage.ts): chosen once per process from the environment. */
export function fileStorage(): FileStorage {
  if (!chosen) {
    const s3 = s3ConfigFromEnv();
    chosen = s3 ? s3FileStorage(s3) : postgresFileStorage;
  }
  return chosen;
}
