import pg from "pg";

/**
 * Is the database there? (issue 16: "a database that goes away answers 503 with a translated page, and the app
 * recovers by itself when it returns"). The pool (./client.ts) reports every failed attempt to connect and every
 * successful one; while the database is known to be away, requests are answered at once with 503 by the proxy
 * (proxy.ts) instead of each waiting for its own connection timeout, and a probe tries a fresh connection every
 * `PROBE_EVERY_MS` until one succeeds. The pool itself needs no repair: pg opens new connections once the server
 * answers again. The state lives on globalThis: the proxy and the route handlers are separate bundles of one process.
 */

/** Errors that mean "no database to talk to", as opposed to a bad query: node's socket errors, PostgreSQL's
 * connection-exception and shutdown classes (08…, 57P01–57P03), pg's own messages. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|ECONNREFUSED|the database system is (starting up|shutting down)/i;

/** Does this error (or what it wraps) say the database cannot be reached? */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; errors?: unknown };
  for (const code of [e.code, e.originalCode]) if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailableError(x, depth + 1))) return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}

const PROBE_EVERY_MS = 2_000;

type State = { downSince: number | null; probe: NodeJS.Timeout | null; probeConfig: pg.ClientConfig | null };
const holder = globalThis as unknown as { __omsDbAvailability?: State };
const state = (): State => (holder.__omsDbAvailability ??= { downSince: null, probe: null, probeConfig: null });

/** Since when (epoch ms) the database is known to be away, or null while it answers. */
export function databaseDownSince(): number | null {
  return state().downSince;
}

function markDatabaseUp(): void {
  const s = state();
  if (s.downSince === null) return;
  s.downSince = null;
  if (s.probe) clearInterval(s.probe);
  s.probe = null;
  console.warn(JSON.stringify({ level: 40, msg: "database reachable again" }));
}

/**
 * A query failed because the database is away (a connection the server dropped, seen by the caller rather than by
 * the pool): answer 503 from now on, as when the pool fails to connect. Needs a pool to have been made (its settings
 * are what the probe connects with).
 */
export function reportDatabaseUnavailable(): void {
  const config = state().probeConfig;
  if (config) markDatabaseDown(config);
}

/** The pool failed to connect: answer 503 from now on, and probe until the database answers. */
function markDatabaseDown(config: pg.ClientConfig): void {
  const s = state();
  s.probeConfig = config;
  if (s.downSince !== null) return;
  s.downSince = Date.now();
  console.warn(JSON.stringify({ level: 50, msg: "database unreachable: answering 503 until it returns" }));
  let probing = false;
  s.probe = setInterval(() => {
    if (probing) return;
    probing = true;
    void probeOnce(s.probeConfig ?? config)
      .then((ok) => ok && markDatabaseUp())
      .finally(() => (probing = false));
  }, PROBE_EVERY_MS);
  s.probe.unref();
}

async function probeOnce(config: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: PROBE_EVERY_MS });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: () => void) => void;

/**
 * How the portal's pools keep their connections (WatchedPool's defaults, and the rate limits' pool's). Issue 17: pg
 * closes a connection idle for 10 s; a portal quiet that long met the next burst of status checks with every
 * connection to open again, and stayed slower for the whole burst (p99 350–470 ms over 10 s after 15 s of quiet,
 * against 60–120 ms warm). Ten minutes: a working day keeps them; a night closes them, and the morning's first
 * requests open them one by one. TCP keepalive (from 30 s idle) keeps a firewall or NAT from silently dropping a
 * connection that waits that long; `allowExitOnIdle`: an idle connection never keeps a script's process alive (a
 * server stays up by its listener).
 */
export const POOL_KEEP = {
  idleTimeoutMillis: 10 * 60_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 30_000,
  allowExitOnIdle: true,
} as const satisfies pg.PoolConfig;

/**
 * A pg pool that reports to this module: a failed connect marks the database down (when the error says it is away),
 * a successful one marks it up. pg's own `query()` goes through `connect()`, so every path is seen.
 */
export class WatchedPool extends pg.Pool {
  private readonly watchConfig: pg.ClientConfig;

  constructor(config: pg.PoolConfig) {
    super({ ...POOL_KEEP, ...config });
    this.watchConfig = config;
    state().probeConfig ??= config;
    // An idle client whose server went away emits "error" on the pool: without a listener the process would crash.
    this.on("error", (e) => {
      if (isDatabaseUnavailableError(e)) markDatabaseDown(this.watchConfig);
    });
  }

  private note(error: unknown): void {
    if (!error) markDatabaseUp();
    else if (isDatabaseUnavailableError(error)) markDatabaseDown(this.watchConfig);
  }

  // The overloads of pg.Pool#connect: a promise, or a callback.
  connect(): Promise<pg.PoolClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) {
      super.connect((err, client, release) => {
        this.note(err);
        callback(err, client, release);
      });
      return;
    }
    return super.connect().then(
      (client) => {
        this.note(undefined);
        return client;
      },
      (err: unknown) => {
        this.note(err);
        throw err;
      },
    );
  }
}
