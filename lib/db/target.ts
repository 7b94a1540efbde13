import path from "node:path";

/**
 * Which database this process talks to. One code path, two databases:
 * - `DATABASE_URL=postgresql://…` → a real PostgreSQL server (production, CI, integration tests);
 * - no `DATABASE_URL` → embedded PGlite in `PGLITE_DIR` (default `./.data/pglite`), so `npm run dev` needs no server.
 */
export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function resolveDbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgresql:// URL (leave it unset to use the embedded PGlite database)");
    }
    return { kind: "postgres", url };
  }
  // A runtime directory, not a module: keep the bundler from trying to trace it.
  return {
    kind: "pglite",
    dir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DIR?.trim() || ".data/pglite"),
  };
}

/** Explicit connection fields: pg lets a connectionString override `database`, which would aim a shadow pool at the main DB. */
export function pgConfigFromUrl(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}

/** The same server, another database: used by tests and the migration shadow database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function describeTarget(target: DbTarget): string {
  if (target.kind === "pglite") return `PGlite at ${path.relative(process.cwd(), target.dir) || "."}`;
  const c = pgConfigFromUrl(target.url);
  return `PostgreSQL ${c.host}:${c.port}/${c.database}`;
}
