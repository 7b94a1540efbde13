import type pg from "pg";
import { log } from "@/lib/log";

/**
 * A shared counter of one rate limit (issue 17) in rate-limiter-flexible's table ("rate_limit"."counters": key,
 * points, expire in ms), counted with fewer round trips than one upsert per request:
 *
 * - the first request of a key this process sees in a window counts in PostgreSQL at once, and learns the count every
 *   other process has made;
 * - further requests of that key count in memory while the key is below half its limit, and are written every
 *   `flushMs` (one statement for all keys), each write bringing back the shared count;
 * - from half its limit on, every request counts in PostgreSQL at once, so the limit itself is exact between
 *   processes: a key used up on one instance is refused on every other (tests/security/http.test.ts).
 *
 * What this gives up: below half its limit, a key's requests on several instances may be seen by each other up to
 * `flushMs` late. A crash forgets the counts of the last `flushMs`. A sign-in lockout (a block duration, peeks and
 * resets) stays on rate-limiter-flexible's own store: it counts failures, which are few.
 */
export type Verdict = { ok: true } | { ok: false; msBeforeNext: number };

type Entry = {
  /** the window's end, ms since the epoch, as PostgreSQL last said (or as this process opened it) */
  expireAt: number;
  /** the count PostgreSQL last returned for this window: every process's requests up to then */
  shared: number;
  /** counted here, not yet sent */
  pending: number;
  /** sent in a write that has not answered yet */
  inFlight: number;
  /** the last request of the key here: a key idle for a second is forgotten (its count stays in PostgreSQL) */
  seenAt: number;
};

const IDLE_MS = 1_000;
const ALLOWED: Verdict = Object.freeze({ ok: true });

type Row = { key: string; points: number; expire: string };

// One statement for any number of keys, of any limits (each row brings its own window): a key's window restarts when
// its row has expired (rate-limiter-flexible's rule). Keys are sorted: two processes writing the same keys lock them
// in one order (no deadlock).
const UPSERT = `
  INSERT INTO "rate_limit"."counters" ("key", "points", "expire")
  SELECT t."key", t."points", t."expire" FROM unnest($1::text[], $2::int[], $3::bigint[]) AS t("key", "points", "expire")
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN "counters"."expire" > $4::bigint THEN "counters"."points" + EXCLUDED."points"
                    ELSE EXCLUDED."points" END,
    "expire" = CASE WHEN "counters"."expire" > $4::bigint THEN "counters"."expire" ELSE EXCLUDED."expire" END
  RETURNING "key", "points", "expire"`;

/** What PostgreSQL says after a write: the key's count up to and including this write, and its window's end. */
type Written = { points: number; expire: number };

type Waiter = {
  key: string;
  count: number;
  expire: number;
  resolve: (w: Written | undefined) => void;
  reject: (e: unknown) => void;
};

/**
 * Every count that must reach PostgreSQL now — of any limit, any key — goes out in one statement per turn of the event
 * loop (issue 17: under load, the status checks that arrived together share one upsert instead of one each).
 * A key written twice in one turn is one row; each writer learns the count as of its own share.
 */
export class CounterWriter {
  private queue: Waiter[] = [];
  private scheduled = false;

  constructor(private readonly pool: pg.Pool) {}

  write(key: string, count: number, expire: number): Promise<Written | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, count, expire, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.run());
      }
    });
  }

  private async run(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const byKey = new Map<string, { count: number; expire: number; waiters: Waiter[] }>();
    for (const w of batch) {
      const row = byKey.get(w.key);
      if (row) {
        row.count += w.count;
        row.waiters.push(w);
      } else byKey.set(w.key, { count: w.count, expire: w.expire, waiters: [w] });
    }
    const keys = [...byKey.keys()].sort();
    let rows: Row[];
    try {
      rows = (
        await this.pool.query<Row>(UPSERT, [
          keys,
          keys.map((k) => byKey.get(k)!.count),
          keys.map((k) => byKey.get(k)!.expire),
          Date.now(),
        ])
      ).rows;
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    const answered = new Map(rows.map((r) => [r.key, r]));
    for (const [key, { count, waiters }] of byKey) {
      const row = answered.get(key);
      // the row's count includes every share of this batch: each writer's own count is the count before the batch
      // plus the shares up to and including its own
      let upTo = row ? row.points - count : 0;
      for (const w of waiters) {
        upTo += w.count;
        w.resolve(row ? { points: upTo, expire: Number(row.expire) } : undefined);
      }
    }
  }
}

export class WrittenBehindLimit {
  private readonly entries = new Map<string, Entry>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly writer: CounterWriter,
    private readonly prefix: string,
    private readonly points: number,
    private readonly durationMs: number,
    flushMs = 100,
  ) {
    this.timer = setInterval(() => void this.flush(), flushMs);
    this.timer.unref();
  }

  /**
   * Counts one request of `key`. When memory decides — a key seen here lately, below half its limit or over it — the
   * verdict is returned as it is, not as a promise (issue 17: a status check's per-address count is decided here on
   * almost every request, and each promise costs the process's async-context hooks); otherwise PostgreSQL's count
   * decides, and a promise of it is returned.
   */
  consume(key: string, now = Date.now()): Verdict | Promise<Verdict> {
    const k = `${this.prefix}:${key}`;
    let entry = this.entries.get(k);
    if (entry && entry.expireAt <= now) {
      // the window is over; what is still pending counts into the next one
      entry = { ...entry, expireAt: now + this.durationMs, shared: 0 };
      this.entries.set(k, entry);
    }
    if (!entry) {
      entry = { expireAt: now + this.durationMs, shared: 0, pending: 0, inFlight: 0, seenAt: now };
      this.entries.set(k, entry);
      return this.countNow(k, entry, now);
    }
    entry.seenAt = now;
    const used = entry.shared + entry.pending + entry.inFlight;
    if (used >= this.points) return { ok: false, msBeforeNext: Math.max(1, entry.expireAt - now) };
    if ((used + 1) * 2 >= this.points) return this.countNow(k, entry, now);
    entry.pending += 1;
    return ALLOWED;
  }

  /** Counts this request (and whatever is pending for the key) in PostgreSQL now; the shared count decides. */
  private async countNow(k: string, entry: Entry, now: number): Promise<Verdict> {
    const sent = entry.pending + 1;
    entry.pending = 0;
    entry.inFlight += sent;
    let written: Written | undefined;
    try {
      written = await this.writer.write(k, sent, now + this.durationMs);
    } catch (e) {
      // the store is unreachable: count here alone until it answers again (rate-limiter-flexible's insurance)
      log.warn({ error: (e as Error).message }, "rate-limit store: counting in memory");
      entry.inFlight -= sent;
      entry.pending += sent;
      const used = entry.shared + entry.pending + entry.inFlight;
      return used <= this.points ? { ok: true } : { ok: false, msBeforeNext: Math.max(1, entry.expireAt - now) };
    }
    entry.inFlight -= sent;
    if (!written) return { ok: true };
    this.learn(entry, written);
    return written.points <= this.points
      ? { ok: true }
      : { ok: false, msBeforeNext: Math.max(1, written.expire - Date.now()) };
  }

  private learn(entry: Entry, written: Written) {
    entry.shared = written.expire === entry.expireAt ? Math.max(entry.shared, written.points) : written.points;
    entry.expireAt = written.expire;
  }

  /**
   * Writes every key's pending count (with whatever else the writer sends in this turn: one statement), and forgets
   * keys that are written and idle (a status check's PIN is usually seen once: memory stays bounded by the keys of
   * the last second, whatever the window).
   */
  async flush(now = Date.now()): Promise<void> {
    const writes: Promise<void>[] = [];
    for (const [k, entry] of this.entries) {
      if (entry.pending > 0) {
        const sent = entry.pending;
        entry.inFlight += sent;
        entry.pending = 0;
        writes.push(
          this.writer.write(k, sent, now + this.durationMs).then(
            (written) => {
              entry.inFlight -= sent;
              if (written) this.learn(entry, written);
              else entry.pending += sent;
            },
            (e: unknown) => {
              log.warn({ error: (e as Error).message }, "rate-limit store: write failed, kept in memory");
              entry.inFlight -= sent;
              entry.pending += sent;
            },
          ),
        );
      } else if (entry.inFlight === 0 && (entry.expireAt <= now || entry.seenAt < now - IDLE_MS))
        this.entries.delete(k);
    }
    await Promise.all(writes);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

// Housekeeping (issue 17): a counter whose window is over counts for nothing (the upsert above and rate-limiter-
// flexible's reads both treat it as absent), but its row stays: the status check alone leaves one per PIN checked,
// millions in a year, and the key index every count walks grows with them. One batch of keys in key order per
// statement (a short transaction each: never the whole table locked at once); a counter locked by a count at that
// moment is skipped (SKIP LOCKED: the cleanup never waits, so never deadlocks with the writer) and its window
// re-checked on the row as it stands.
export const DELETE_EXPIRED_SQL = `
  WITH "batch" AS (
    SELECT max("key") AS "last"
    FROM (SELECT "key" FROM "rate_limit"."counters" WHERE "key" > $1 ORDER BY "key" LIMIT $3) AS "keys"
  ), "expired" AS (
    SELECT "key" FROM "rate_limit"."counters"
    WHERE "key" > $1 AND "key" <= (SELECT "last" FROM "batch") AND "expire" <= $2::bigint
    ORDER BY "key" FOR UPDATE SKIP LOCKED
  ), "gone" AS (
    DELETE FROM "rate_limit"."counters" AS c USING "expired" WHERE c."key" = "expired"."key" RETURNING 1
  )
  SELECT (SELECT "last" FROM "batch") AS "last", (SELECT count(*) FROM "gone")::int AS "deleted"`;

/**
 * Deletes the counters whose window ended by `now` (ms since the epoch), walking the table in batches of `batch`
 * keys (each statement a key range of the primary key's index, its locks held a few milliseconds); returns how many
 * went. Safe beside any number of counting processes and a second cleanup.
 */
export async function deleteExpiredCounters(pool: pg.Pool, now: number, batch = 1_000): Promise<number> {
  let last = "";
  let deleted = 0;
  for (;;) {
    const { rows } = await pool.query<{ last: string | null; deleted: number }>(DELETE_EXPIRED_SQL, [last, now, batch]);
    const row = rows[0]!;
    deleted += row.deleted;
    if (row.last === null) return deleted;
    last = row.last;
  }
}
