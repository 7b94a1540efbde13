import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
// s3rver: an S3-compatible server in-process, on the loopback, with a temporary directory — no network needed.
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { s3FileStorage } from "../../lib/storage/s3";
import { s3ConfigFromEnv } from "../../lib/storage/storage";

// Issue 14: documents behind one storage interface; the S3-compatible adapter (AWS SDK) against a local S3 server.

const BUCKET = "refund-documents";
let server: S3rver;
let dir: string;
let endpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "s3rver-"));
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory: dir,
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  });
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("S3-compatible document storage (issue 14)", () => {
  it("is chosen by FILE_STORAGE=s3 and stores and reads back the exact bytes; a missing key is null", async () => {
    const config = s3ConfigFromEnv({
      FILE_STORAGE: "s3",
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    expect(config).toMatchObject({ bucket: BUCKET, forcePathStyle: true, region: "us-east-1" });
    const storage = s3FileStorage(config!);
    expect(storage.kind).toBe("s3");
    const bytes = new Uint8Array(Buffer.from("%PDF-1.4\nstored in a bucket\n%%EOF\n"));
    // The S3 adapter writes outside the database transaction it is handed.
    await db.$transaction((tx) => storage.put(tx, "refunds/case-1/doc-1", bytes, "application/pdf"));
    const back = await storage.get("refunds/case-1/doc-1");
    expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
    expect(await storage.get("refunds/case-1/missing")).toBeNull();
  });

  it("PostgreSQL is the default; s3 without a bucket is a configuration error", () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(() => s3ConfigFromEnv({ FILE_STORAGE: "s3" })).toThrow(/S3_BUCKET/);
  });
});
