/**
 * npm run db:backup                      → backups/oms-<timestamp>.dump (custom format) of DATABASE_URL
 * npm run db:backup -- --out file.dump
 * npm run db:restore -- file.dump        → into DATABASE_URL, which must not hold the portal's tables yet
 * npm run db:restore -- file.dump --replace   → drops what the dump holds and restores it (the database becomes the backup)
 * PostgreSQL only (pg_dump / pg_restore of the server's major version). PGlite: stop the dev server and copy
 * the PGLITE_DIR directory.
 */
import { backupDatabase, restoreDatabase } from "../db/backup";
import { describeTarget, resolveDbTarget } from "../db/target";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const target = resolveDbTarget();
  if (target.kind !== "postgres") {
    throw new Error("Backups need DATABASE_URL (PostgreSQL). For PGlite, stop the dev server and copy its directory.");
  }
  if (command === "backup") {
    const i = rest.indexOf("--out");
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const file = i >= 0 && rest[i + 1] ? rest[i + 1]! : `backups/oms-${stamp}.dump`;
    const { bytes } = await backupDatabase(target.url, file);
    console.log(`Backed up ${describeTarget(target)} to ${file} (${bytes} bytes).`);
  } else if (command === "restore") {
    const file = rest.find((a) => !a.startsWith("--"));
    if (!file) throw new Error("Which backup? npm run db:restore -- <file.dump> [--replace]");
    await restoreDatabase(target.url, file, { replace: rest.includes("--replace") });
    console.log(`Restored ${file} into ${describeTarget(target)}. Run npm run db:status to check the migrations.`);
  } else {
    throw new Error("Usage: tsx lib/cli/backup.ts backup [--out file] | restore <file> [--replace]");
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
