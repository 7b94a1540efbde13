import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb } from "../../lib/db/client";
import { describeTarget, resolveDbTarget, withDatabase, type DbTarget } from "../../lib/db/target";
import { deployMigrations } from "../../prisma/engine";
import { seedReferenceData } from "../../prisma/seed";
import { adminQuery, TMP_DIR, uniqueName, type TemplateInfo } from "../support/databases";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: TemplateInfo;
    logDir: string;
  }
}

/** Migrates and seeds (reference data only) one template database per run; each test file copies it. */
export default async function setup(project: TestProject) {
  const base = resolveDbTarget();
  fs.mkdirSync(TMP_DIR, { recursive: true });
  let target: DbTarget;
  let info: TemplateInfo;
  let teardown: () => Promise<void>;
  if (base.kind === "postgres") {
    const template = uniqueName("oms_test_template");
    await adminQuery(base.url, `CREATE DATABASE "${template}"`);
    target = { kind: "postgres", url: withDatabase(base.url, template) };
    info = { kind: "postgres", serverUrl: base.url, template };
    teardown = () => adminQuery(base.url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  } else {
    const dir = path.join(TMP_DIR, uniqueName("pglite_template"));
    target = { kind: "pglite", dir };
    info = { kind: "pglite", dir };
    teardown = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `[integration] database: ${base.kind === "postgres" ? "PostgreSQL" : "PGlite"} — template ${describeTarget(target)}`,
  );
  await deployMigrations(target);
  const { db, close } = openDb(target);
  try {
    await seedReferenceData(db);
  } finally {
    await close();
  }
  project.provide("dbTemplate", info);
  // Issue 11, hole 9: what each test file logs is captured here and checked after it (tests/integration/setup-db.ts).
  const logDir = path.join(TMP_DIR, uniqueName("integration_logs"));
  fs.mkdirSync(logDir, { recursive: true });
  project.provide("logDir", logDir);
  return async () => {
    await teardown();
    fs.rmSync(logDir, { recursive: true, force: true });
  };
}
