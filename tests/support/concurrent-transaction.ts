/** A second connection to the test database in an open transaction: a concurrent writer's locks (PostgreSQL only). */
import pg from "pg";
import { pgConfigFromUrl, resolveDbTarget } from "../../lib/db/target";

export type ConcurrentTransaction = {
  query: (text: string, params?: unknown[]) => Promise<unknown[]>;
  /** resolves once some other session waits for a lock this transaction holds (15 s at most, then throws) */
  blocksSomeone: () => Promise<void>;
  /**
   * Whether `operation` came to wait for this transaction's locks ("waited") or settled without ever waiting
   * ("settled") — answered as soon as either is seen.
   */
  waitedForBy: (operation: Promise<unknown>) => Promise<"waited" | "settled">;
  /** commits and closes the connections */
  commit: () => Promise<void>;
};

const POLL_MS = 25;

/**
 * The transaction runs on a connection of its own; who waits for its locks is asked on another (pg_blocking_pids),
 * never through the application's pool, which the operation under test may be holding.
 */
export async function concurrentTransaction(): Promise<ConcurrentTransaction> {
  const target = resolveDbTarget();
  if (target.kind !== "postgres") throw new Error("a concurrent transaction needs PostgreSQL");
  const client = new pg.Client(pgConfigFromUrl(target.url));
  const monitor = new pg.Client(pgConfigFromUrl(target.url));
  // a failed test leaves them open until its database is dropped: that termination is not another failure
  for (const c of [client, monitor]) c.on("error", () => undefined);
  await Promise.all([client.connect(), monitor.connect()]);
  const [{ pid }] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
  await client.query("BEGIN");

  const someoneWaits = async () => {
    const { rows } = await monitor.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))",
      [pid],
    );
    return rows[0]!.n > 0;
  };
  const pause = () => new Promise((r) => setTimeout(r, POLL_MS));

  return {
    query: async (text, params = []) => (await client.query(text, params)).rows,
    blocksSomeone: async () => {
      for (const until = Date.now() + 15_000; Date.now() < until; await pause()) if (await someoneWaits()) return;
      throw new Error("nobody waited for the concurrent transaction's locks");
    },
    waitedForBy: async (operation) => {
      let settled = false;
      const done = operation.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        if (await someoneWaits()) return "waited";
        if (settled) return "settled";
        await Promise.race([done, pause()]);
      }
    },
    commit: async () => {
      try {
        await client.query("COMMIT");
      } finally {
        await Promise.all([client.end(), monitor.end()]);
      }
    },
  };
}
