import { afterAll, inject } from "vitest";
import { closeDb } from "../../lib/db";
import { cloneTemplate } from "../support/databases";

// Runs before each integration test file: point lib/db at a fresh copy of the template database.
const { target, dispose } = await cloneTemplate(inject("dbTemplate"));
if (target.kind === "postgres") {
  process.env.DATABASE_URL = target.url;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = target.dir;
}

afterAll(async () => {
  await closeDb();
  await dispose();
});
