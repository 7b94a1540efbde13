/** A second connection to the test database in an open transaction: a concurrent writer's locks (PostgreSQL only). */
import pg from "pg";
import { db } from "../../lib/db";
import { pgConfigFromUrl, resolveDbTarget } from "../../lib/db/target";

export type ConcurrentTransaction = {
  query: (text: string, params?: unknown[]) => Promise<unknown[]>;
  /** resolves once some other session waits for a lock this transaction holds (polls pg_blocking_pids; 15 s at most) */
  blocksSomeone: () => Promise<void>;
  /** commits and closes the connection */
  commit: () => Promise<void>;
};

export async function concurrentTransaction(): Promise<ConcurrentTransaction> {
  const target = resolveDbTarget();
  if (target.kind !== "postgres") throw new Error("a concurrent transaction needs PostgreSQL");
  const client = new pg.Client(pgConfigFromUrl(target.url));
  await client.connect();
  const [{ pid }] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
  await client.query("BEGIN");
  return {
    query: async (text, params = []) => (await client.query(text, params)).rows,
    blocksSomeone: async () => {
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
        const [row] = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
        if (row!.n > 0) return;
      }
      throw new Error("nobody waited for the concurrent transaction's locks");
    },
    commit: async () => {
      try {
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    },
  };
}

/** Whether a promise is still pending after `ms` — answered at once when it settles sooner. */
export async function stillPendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms)));
  const settled = promise.then(
    () => false,
    () => false,
  );
  try {
    return await Promise.race([pending, settled]);
  } finally {
    clearTimeout(timer);
  }
}
