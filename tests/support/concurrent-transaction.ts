/** A second connection to the test database in an open transaction: a concurrent writer's locks (PostgreSQL only). */
import pg from "pg";
import { pgConfigFromUrl, resolveDbTarget } from "../../lib/db/target";

export type ConcurrentTransaction = {
  query: (text: string, params?: unknown[]) => Promise<unknown[]>;
  /** commits and closes the connection */
  commit: () => Promise<void>;
};

export async function concurrentTransaction(): Promise<ConcurrentTransaction> {
  const target = resolveDbTarget();
  if (target.kind !== "postgres") throw new Error("a concurrent transaction needs PostgreSQL");
  const client = new pg.Client(pgConfigFromUrl(target.url));
  await client.connect();
  await client.query("BEGIN");
  return {
    query: async (text, params = []) => (await client.query(text, params)).rows,
    commit: async () => {
      try {
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    },
  };
}

/** Whether a promise is still pending after `ms` (a statement waiting for a lock). */
export async function stillPendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, ms));
  return !settled;
}
