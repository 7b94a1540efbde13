import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "../../../lib/db/availability";

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
