import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/**
 * An uploaded registry file to a temporary file of its own, so the background job reads it as a stream from disk
 * (the job deletes it when done). Its name never carries the upload's name.
 */
export async function saveUploadToTempFile(file: File): Promise<string> {
  const path = join(tmpdir(), `oms-coverage-${randomUUID()}.upload`);
  await pipeline(Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>), createWriteStream(path));
  return path;
}
