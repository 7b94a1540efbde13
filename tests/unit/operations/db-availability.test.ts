import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError, POOL_KEEP, WatchedPool } from "../../../lib/db/availability";

// Issue 16: which errors mean "the database is away" (→ 503 and a probe) and which are an ordinary failed query.
describe("isDatabaseUnavailableError", () => {
  const wrapped = (inner: unknown) => Object.assign(new Error("query failed"), { cause: inner });
  it.each([
    ["connection refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["pg's terminated connection", new Error("Connection terminated unexpectedly")],
    ["pool connect timeout", new Error("timeout exceeded when trying to connect")],
    ["admin shutdown 57P01", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    ["cannot connect now 57P03", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["wrapped by the driver adapter", wrapped(Object.assign(new Error("x"), { originalCode: "08006" }))],
    ["an AggregateError of refusals", new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })])],
  ])("%s → away", (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    [
      "a statement timeout",
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
    ],
    ["a lock timeout", Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" })],
    ["no error", null],
    ["a string", "ECONNREFUSED"],
  ])("%s → not away", (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});

// Issue 17: pg closes a connection idle for 10 s by default; a quiet moment then cost the next burst of checks every
// connection (p99 350–470 ms after 15 s of quiet). The portal's pools keep idle connections for ten minutes.
describe("WatchedPool's idle connections", () => {
  const url = "postgresql://nobody@127.0.0.1:1/none";
  it("stay open ten minutes unless the caller says otherwise", async () => {
    const pool = new WatchedPool({ connectionString: url });
    const short = new WatchedPool({ connectionString: url, idleTimeoutMillis: 1_000 });
    expect(pool.options.idleTimeoutMillis).toBe(600_000);
    // TCP keepalive from 30 s idle: a firewall or NAT does not drop a connection kept that long
    expect(pool.options.keepAlive).toBe(true);
    expect(POOL_KEEP.keepAliveInitialDelayMillis).toBe(30_000);
    expect(short.options.idleTimeoutMillis).toBe(1_000);
    // an idle connection never holds a script's process open for those ten minutes
    expect(pool.options.allowExitOnIdle).toBe(true);
    await Promise.all([pool.end(), short.end()]);
  });
});
