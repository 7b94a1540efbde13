/**
 * npm run jobs:run -- <job>     runs one housekeeping job once (issue 16) against DATABASE_URL (or PGlite) and prints
 *                               what it did. Jobs: expire-orders, reconcile-payments, drain-outbox, renewal-reminders,
 *                               clear-rate-limits, fold-dashboard-rollups.
 */
import { closeDb } from "../db";
import { isJobName, JOBS, runJob } from "../jobs/jobs";

async function main() {
  const name = process.argv[2] ?? "";
  if (!isJobName(name)) {
    throw new Error(`Usage: npm run jobs:run -- <${Object.keys(JOBS).join(" | ")}>`);
  }
  const result = await runJob(name);
  console.log(`${name}: ${JSON.stringify(result)}`);
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
