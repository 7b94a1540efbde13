import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDbTarget } from "../../lib/db/target";
import { CounterWriter, WrittenBehindLimit } from "../../lib/limits/written-behind";

// Issue 17: the busy limits count in memory below half their limit and write every 100 ms; from half on, each
// request counts in PostgreSQL at once. Two WrittenBehindLimit objects on one pool are two app processes.
const target = resolveDbTarget();

describe.skipIf(target.kind !== "postgres")("rate limits written behind (issue 17)", () => {
  const pool = new pg.Pool({ connectionString: target.kind === "postgres" ? target.url : "", max: 4 });
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
});
