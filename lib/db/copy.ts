import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgConfigFromUrl, resolveDbTarget } from "./target";

/** Text written to a COPY … FROM STDIN (text format: tab-separated columns, a line per row). */
export type CopyWriter = {
  write(text: string): Promise<void>;
  /** ends the COPY and waits until the server has every row (committed: the connection is in autocommit) */
  finish(): Promise<void>;
  /** abandons the COPY: the server keeps none of its rows */
  abort(): Promise<void>;
};

/**
 * A COPY … FROM STDIN on a connection of its own, for bulk loads (the external-coverage registry, issue 15): the
 * fastest way PostgreSQL takes rows. Null on PGlite, which has no COPY protocol here: callers then insert in batches.
 * The connection has no statement timeout (the pool's 15 s would cut a large file).
 */
export async function openCopyWriter(sql: string): Promise<CopyWriter | null> {
  const target = resolveDbTarget();
  if (target.kind !== "postgres") return null;
  const client = new pg.Client(pgConfigFromUrl(target.url));
  await client.connect();
  const stream = client.query(copyFrom(sql));
  let failed: Error | null = null;
  stream.on("error", (e: Error) => (failed = e));
  const close = () => client.end().catch(() => {});
  return {
    async write(text) {
      if (failed) throw failed;
      if (!stream.write(text)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      if (failed) throw failed;
    },
    async finish() {
      try {
        stream.end();
        await once(stream, "finish");
        if (failed) throw failed;
      } finally {
        await close();
      }
    },
    async abort() {
      stream.destroy(new Error("COPY abandoned"));
      await close();
    },
  };
}
