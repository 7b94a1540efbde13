import "server-only";
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { POOL_KEEP } from "@/lib/db/availability";
import { baseSecret } from "@/lib/secrets";
import { limitSpec, type LimitName, type LimitSpec } from "./config";
import { log } from "@/lib/log";
import { countRateLimited } from "@/lib/metrics";
import { CounterWriter, deleteExpiredCounters, WrittenBehindLimit, type Verdict } from "./written-behind";

export type { LimitName } from "./config";

/**
 * Rate limits with rate-limiter-flexible. On PostgreSQL (DATABASE_URL) the counters live in the database
 * ("rate_limit"."counters", a migration makes it), so every app instance shares one count. On embedded PGlite (one
 * process by nature: it cannot be opened twice) they fall back to process memory.
 * Keys are HMACs (a PIN or a login never sits in the counters table).
 */
export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

type Store = {
  /**
   * the key of the counters' HMACs, as configured when the store was made (like the pool's URL); a KeyObject, so that
   * the secret is not converted again for every count (two per status check, issue 17)
   */
  secret: KeyObject;
  pool: pg.Pool | null;
  limiters: Map<string, RateLimiterAbstract>;
  counters: Map<string, WrittenBehindLimit>;
  writer: CounterWriter | null;
};
const g = globalThis as typeof globalThis & { __omsRateLimits?: Store };

function store(): Store {
  if (!g.__omsRateLimits) {
    const url = process.env.DATABASE_URL;
    // Issue 17: a count is a write, and its commit need not wait for the disk (synchronous_commit off, for these
    // connections only): a counter is still shared and exact between instances, only a crash may forget the last
    // fraction of a second of counts. Waiting for the WAL flush made every status check two disk syncs.
    const pool =
      url && /^postgres(ql)?:/.test(url)
        ? new pg.Pool({
            connectionString: url,
            max: limitStorePoolSize(),
            ...POOL_KEEP,
            options: "-c synchronous_commit=off",
          })
        : null;
    // An idle connection the server closes (restart, failover) must not crash the process; the next query reconnects.
    pool?.on("error", (e) => log.warn({ error: e.message }, "rate-limit store: idle connection lost"));
    g.__omsRateLimits = {
      secret: createSecretKey(Buffer.from(baseSecret() ?? "rate-limit")),
      pool,
      limiters: new Map(),
      counters: new Map(),
      writer: pool && new CounterWriter(pool),
    };
  }
  return g.__omsRateLimits;
}

/** The counters' own connections: a few, or DATABASE_POOL_SIZE's half when that is larger (a busy instance). */
function limitStorePoolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 6 ? Math.ceil(size / 2) : 3;
}

function limiter(name: LimitName, spec: LimitSpec): RateLimiterAbstract {
  const id = `${name}:${spec.points}:${spec.duration}:${spec.blockDuration ?? 0}`;
  const s = store();
  let l = s.limiters.get(id);
  if (!l) {
    const opts = { keyPrefix: name, points: spec.points, duration: spec.duration, blockDuration: spec.blockDuration };
    l = s.pool
      ? new RateLimiterPostgres({
          ...opts,
          storeClient: s.pool,
          storeType: "pool",
          schemaName: "rate_limit",
          tableName: "counters",
          tableCreated: true,
          clearExpiredByTimeout: false,
          insuranceLimiter: new RateLimiterMemory(opts),
        })
      : new RateLimiterMemory(opts);
    s.limiters.set(id, l);
  }
  return l;
}

/**
 * A limit without a lockout on PostgreSQL (the status check, verification, appeals, purchases, terminals — the busy
 * ones) counts written behind (issue 17, ./written-behind.ts): exact between processes from half the limit on, one
 * upsert for all keys every 100 ms below it. Sign-in lockouts keep rate-limiter-flexible's store.
 */
function writtenBehind(name: LimitName, spec: LimitSpec): WrittenBehindLimit | null {
  const s = store();
  if (!s.writer || spec.blockDuration !== undefined) return null;
  const id = `${name}:${spec.points}:${spec.duration}`;
  let counter = s.counters.get(id);
  if (!counter) {
    counter = new WrittenBehindLimit(s.writer, name, spec.points, spec.duration * 1000);
    s.counters.set(id, counter);
  }
  return counter;
}

function hashKey(name: LimitName, key: string): string {
  return createHmac("sha256", store().secret).update(`${name}:${key}`).digest("base64url");
}

const configured = new Map<LimitName, LimitSpec>();
/**
 * The limit as configured. A production server reads the environment once per limit (it does not change under a
 * running server, and reading it on every count cost ≈ 4 % of a status check's CPU, issue 17); elsewhere on every call,
 * so that a test may change a limit (vi.stubEnv).
 */
function specOf(name: LimitName): LimitSpec {
  if (process.env.NODE_ENV !== "production") return limitSpec(name);
  let spec = configured.get(name);
  if (!spec) configured.set(name, (spec = limitSpec(name)));
  return spec;
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

const ALLOWED: LimitDecision = Object.freeze({ ok: true });

/**
 * Counts one request (or one failure) against the limit; over it → refused with the seconds to wait. A decision
 * made in memory comes back as it is, one that waits for the shared count as a promise (./written-behind.ts): `await`
 * takes both; the status check's hot path looks before it awaits (issue 17). Like any function that may answer at
 * once, it may also throw at once (a broken configuration) instead of rejecting.
 */
export function consumeLimit(name: LimitName, key: string): LimitDecision | Promise<LimitDecision> {
  const spec = specOf(name);
  if (spec.points === 0) return ALLOWED;
  const counter = writtenBehind(name, spec);
  if (!counter) return consumeStored(name, spec, key);
  const verdict = counter.consume(hashKey(name, key));
  return verdict instanceof Promise ? verdict.then((v) => decided(name, v)) : decided(name, verdict);
}

function decided(name: LimitName, verdict: Verdict): LimitDecision {
  if (verdict.ok) return ALLOWED;
  countRateLimited(name);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(verdict.msBeforeNext / 1000)) };
}

/** A limit on rate-limiter-flexible's store (a sign-in lockout; any limit on PGlite). */
async function consumeStored(name: LimitName, spec: LimitSpec, key: string): Promise<LimitDecision> {
  try {
    await limiter(name, spec).consume(hashKey(name, key));
    return ALLOWED;
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      countRateLimited(name);
      return { ok: false, retryAfterSeconds: retryAfter(e) };
    }
    throw e;
  }
}

/** Has this key used up its limit (without counting)? A sign-in lockout is checked before the password. */
export async function peekLimit(name: LimitName, key: string): Promise<LimitDecision> {
  const spec = specOf(name);
  if (spec.points === 0) return { ok: true };
  const res = await limiter(name, spec).get(hashKey(name, key));
  if (res && res.consumedPoints >= spec.points) return { ok: false, retryAfterSeconds: retryAfter(res) };
  return { ok: true };
}

/** Forgets the count (a successful sign-in clears that account's failures). */
export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name, specOf(name)).delete(hashKey(name, key));
}

/**
 * Housekeeping (the job `clear-rate-limits`, lib/jobs): deletes the shared counters whose window is over; returns how
 * many. Where the counters live in process memory (PGlite), rate-limiter-flexible forgets them itself: 0.
 */
export async function clearExpiredLimits(now = Date.now()): Promise<number> {
  const { pool } = store();
  return pool ? deleteExpiredCounters(pool, now - EXPIRED_GRACE_MS) : 0;
}

/**
 * A window is deleted a minute after it ended by this process's clock: the counting processes compare with their own
 * clocks, and nothing needs the row sooner (rate-limiter-flexible's own cleaner waits an hour).
 */
const EXPIRED_GRACE_MS = 60_000;
