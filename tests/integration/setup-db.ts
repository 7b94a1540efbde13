import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { closeDb } from "../../lib/db";
import { cloneTemplate } from "../support/databases";
import { captureProcessLogs, findPins } from "../support/log-capture";

// Issue 11, hole 9: everything this test file makes the app log is kept, and a PIN in it fails the file.
const logFile = `${inject("logDir")}/${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.log`;
captureProcessLogs(logFile);

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
  const logged = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
  const pins = findPins(logged).length;
  // Never print the PIN itself: how many, and where the capture is.
  if (pins > 0) throw new Error(`hole 9: ${pins} PIN(s) in what this test file logged (${logFile})`);
});
