import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pgConfigFromUrl } from "./target";

// Backups of the PostgreSQL database around pg_dump / pg_restore (issue 16). The password travels in PGPASSWORD,
// never on a command line (the process list and shell history would show it).

function pgEnv(url: string): { env: NodeJS.ProcessEnv; args: string[] } {
  const c = pgConfigFromUrl(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGPASSWORD: c.password ?? "" };
  return { env, args: ["-h", c.host, "-p", String(c.port), "-U", c.user, "-d", c.database] };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e) =>
      reject(new Error(`${cmd} could not be started (${e.message}): install PostgreSQL's client tools`)),
    );
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** A custom-format dump (compressed, restorable table by table) of the whole database into `file`. */
export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { env, args } = pgEnv(url);
  await run("pg_dump", [...args, "--format=custom", "--no-owner", "--no-privileges", "--file", file], env);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Restores a dump into the database at `url`. Refuses a database that already has the portal's tables unless
 * `replace` is set (then every object of the dump is dropped and re-created: the database becomes the backup).
 */
export async function restoreDatabase(url: string, file: string, opts: { replace?: boolean } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No such backup file: ${file}`);
  const { env, args } = pgEnv(url);
  const flags = opts.replace ? ["--clean", "--if-exists"] : [];
  await run("pg_restore", [...args, ...flags, "--no-owner", "--no-privileges", "--exit-on-error", file], env);
}
