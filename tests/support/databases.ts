/**
 * Test databases. Every integration test file gets a database of its own, copied from a template that global
 * set-up migrated and seeded with reference data once:
 * - PostgreSQL (DATABASE_URL set): CREATE DATABASE … TEMPLATE …, dropped after the file;
 * - PGlite (no DATABASE_URL): a copy of the template's data directory under tests/.tmp/.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl, withDatabase, type DbTarget } from "../../lib/db/target";

export const TMP_DIR = path.resolve(import.meta.dirname, "../.tmp");

export type TemplateInfo = { kind: "postgres"; serverUrl: string; template: string } | { kind: "pglite"; dir: string };

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ ...pgConfigFromUrl(serverUrl), database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
}

/** A new empty database of the given kind (for migration tests); returns its target and a disposer. */
export async function createEmptyDatabase(
  kind: "postgres" | "pglite",
  serverUrl?: string,
): Promise<{ target: DbTarget; dispose: () => Promise<void> }> {
  if (kind === "postgres") {
    if (!serverUrl) throw new Error("A PostgreSQL server URL is needed");
    const name = uniqueName("oms_test_empty");
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    return {
      target: { kind: "postgres", url: withDatabase(serverUrl, name) },
      dispose: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = path.join(TMP_DIR, uniqueName("pglite_empty"));
  fs.mkdirSync(dir, { recursive: true });
  return { target: { kind: "pglite", dir }, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh copy of the template for one test file. */
export async function cloneTemplate(info: TemplateInfo): Promise<{ target: DbTarget; dispose: () => Promise<void> }> {
  if (info.kind === "postgres") {
    const name = uniqueName("oms_test");
    await adminQuery(info.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${info.template}"`);
    return {
      target: { kind: "postgres", url: withDatabase(info.serverUrl, name) },
      dispose: () => adminQuery(info.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = path.join(TMP_DIR, uniqueName("pglite"));
  fs.cpSync(info.dir, dir, { recursive: true });
  return { target: { kind: "pglite", dir }, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
