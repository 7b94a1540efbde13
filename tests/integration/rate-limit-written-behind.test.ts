import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDbTarget } from "../../lib/db/target";
import { CounterWriter, deleteExpiredCounters, WrittenBehindLimit } from "../../lib/limits/written-behind";

// Issue 17: the busy limits count in memory below half their limit and write every 100 ms; from half on, each
// request counts in PostgreSQL at once. Two WrittenBehindLimit objects on one pool are two app processes.
const target = resolveDbTarget();

describe.skipIf(target.kind !== "postgres")("rate limits written behind (issue 17)", () => {
  const pool = new pg.Pool({ connectionString: target.kind === "postgres" ? target.url : "", max: 4 });
  // the file's database is dropped WITH (FORCE) as the file ends: a connection still closing is terminated, which is
  // no test's failure (an idle client's error without a listener would be an uncaught exception)
  pool.on("error", () => undefined);
  const writer = new CounterWriter(pool);
  const made: WrittenBehindLimit[] = [];
  const limit = (points: number, durationMs = 60_000, prefix = `wb${made.length}-${Date.now()}`) => {
    const l = new WrittenBehindLimit(writer, prefix, points, durationMs, 60_000); // flushed by the test
    made.push(l);
    return l;
  };
  const stored = async (key: string) =>
    (await pool.query<{ points: number }>(`SELECT "points" FROM "rate_limit"."counters" WHERE "key" = $1`, [key]))
      .rows[0]?.points ?? 0;

  afterAll(async () => {
    for (const l of made) l.stop();
    await pool.end();
  });

  it("below half the limit a key counts in memory; one write stores every key's count", async () => {
    const l = limit(100, 60_000, "wb-below");
    for (let i = 0; i < 10; i++) expect((await l.consume("a")).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect((await l.consume("b")).ok).toBe(true);
    // the first request of each key counted at once, the rest wait for the write
    expect(await stored("wb-below:a")).toBe(1);
    expect(await stored("wb-below:b")).toBe(1);
    await l.flush();
    expect(await stored("wb-below:a")).toBe(10);
    expect(await stored("wb-below:b")).toBe(5);
  });

  it("a key used up on one process is refused on another at once", async () => {
    const prefix = `wb-shared-${Date.now()}`;
    const one = limit(10, 60_000, prefix);
    const two = limit(10, 60_000, prefix);
    for (let i = 0; i < 10; i++) expect((await one.consume("ip")).ok).toBe(true);
    const refused = await two.consume("ip");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.msBeforeNext).toBeGreaterThan(50_000);
    expect((await one.consume("ip")).ok).toBe(false);
  });

  it("requests at once on one process: exactly the limit is let through", async () => {
    const l = limit(100);
    const verdicts = await Promise.all(Array.from({ length: 300 }, () => l.consume("burst")));
    expect(verdicts.filter((v) => v.ok).length).toBe(100);
  });

  it("keys counted at once share one statement per turn of the event loop", async () => {
    let statements = 0;
    const counting = {
      query: (...args: Parameters<pg.Pool["query"]>) => {
        statements += 1;
        return (pool.query as (...a: unknown[]) => unknown)(...args);
      },
    } as unknown as pg.Pool;
    const prefix = `wb-turn-${Date.now()}`;
    const l = new WrittenBehindLimit(new CounterWriter(counting), prefix, 30, 60_000, 60_000);
    made.push(l);
    const verdicts = await Promise.all(Array.from({ length: 50 }, (_, i) => l.consume(`pin${i}`)));
    expect(verdicts.every((v) => v.ok)).toBe(true);
    expect(statements).toBe(1);
    expect(await stored(`${prefix}:pin7`)).toBe(1);
  });

  it("a window that is over starts again", async () => {
    const l = limit(4, 300);
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) expect((await l.consume("k", t0)).ok).toBe(true);
    expect((await l.consume("k", t0 + 10)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 350));
    expect((await l.consume("k")).ok).toBe(true);
  });

  it("the store unreachable: counts in memory and still refuses over the limit", async () => {
    const broken = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none", max: 1 });
    const l = new WrittenBehindLimit(new CounterWriter(broken), "wb-broken", 3, 60_000, 60_000);
    made.push(l);
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push((await l.consume("k")).ok);
    expect(verdicts).toEqual([true, true, true, false, false]);
    await broken.end();
  });

  describe("expired counters are deleted (the job clear-rate-limits)", () => {
    const put = async (prefix: string, rows: [string, number][]) => {
      for (const [k, expire] of rows)
        await pool.query(`INSERT INTO "rate_limit"."counters" ("key", "points", "expire") VALUES ($1, 1, $2)`, [
          `${prefix}:${k}`,
          expire,
        ]);
    };
    const left = async (prefix: string) =>
      (
        await pool.query<{ key: string }>(
          `SELECT "key" FROM "rate_limit"."counters" WHERE "key" LIKE $1 ORDER BY "key"`,
          [`${prefix}:%`],
        )
      ).rows.map((r) => r.key.slice(prefix.length + 1));

    it("deletes every counter whose window is over, in batches, and keeps the live ones", async () => {
      const prefix = `wb-clear-${Date.now()}`;
      const now = Date.now();
      const keys = Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(2, "0")}`);
      // even keys expired (one exactly at `now`: a window that ends now is over), odd keys still counting
      await put(
        prefix,
        keys.map((k, i) => [k, i % 2 ? now + 60_000 : i === 0 ? now : now - 1_000]),
      );
      const deleted = await deleteExpiredCounters(pool, now, 4); // batches of 4 keys: several statements
      expect(deleted).toBeGreaterThanOrEqual(12);
      expect(await left(prefix)).toEqual(keys.filter((_, i) => i % 2));
      // what the cleanup left is still counted: a live key's count goes on
      const l = limit(10, 60_000, prefix);
      expect((await l.consume("k01")).ok).toBe(true);
      expect(await stored(`${prefix}:k01`)).toBe(2);
    });

    it("skips a counter that is being counted at that moment (never waits) and takes it at the next run", async () => {
      const prefix = `wb-clear-locked-${Date.now()}`;
      const now = Date.now();
      await put(prefix, [
        ["a", now - 1_000],
        ["b", now - 1_000],
      ]);
      const counting = await pool.connect();
      try {
        await counting.query("BEGIN");
        await counting.query(`SELECT 1 FROM "rate_limit"."counters" WHERE "key" = $1 FOR UPDATE`, [`${prefix}:a`]);
        await deleteExpiredCounters(pool, now);
        expect(await left(prefix)).toEqual(["a"]);
        // the count restarts the window (as the upsert does): the row is live again and must stay
        await counting.query(`UPDATE "rate_limit"."counters" SET "points" = 1, "expire" = $2 WHERE "key" = $1`, [
          `${prefix}:a`,
          now + 60_000,
        ]);
        await counting.query("COMMIT");
      } finally {
        counting.release();
      }
      await deleteExpiredCounters(pool, now);
      expect(await left(prefix)).toEqual(["a"]);
      await deleteExpiredCounters(pool, now + 61_000);
      expect(await left(prefix)).toEqual([]);
    });

    it("two cleanups at once delete each expired counter once, beside counts going on", async () => {
      const prefix = `wb-clear-two-${Date.now()}`;
      const now = Date.now();
      const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, "0")}`);
      await put(
        prefix,
        keys.map((k) => [k, now - 1_000]),
      );
      const l = limit(100, 60_000, prefix);
      const [one, two, counted] = await Promise.all([
        deleteExpiredCounters(pool, now, 7),
        deleteExpiredCounters(pool, now, 5),
        Promise.all(keys.slice(0, 10).map((k) => l.consume(k))),
      ]);
      expect(one + two).toBeGreaterThanOrEqual(30);
      expect(counted.every((v) => v.ok)).toBe(true);
      // a counted key is either restarted by its count (its row kept, a new window) or deleted before the count
      // came, then written anew: either way it holds exactly this one count; the others are gone
      expect(await left(prefix)).toEqual(keys.slice(0, 10));
      for (const k of keys.slice(0, 10)) expect(await stored(`${prefix}:${k}`)).toBe(1);
    });
  });
});
