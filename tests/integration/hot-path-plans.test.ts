import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { PERSON_BY_PIN_SQL } from "../../lib/people/queries";
import { PAYERS_BY_PINS_SQL } from "../../lib/policies/queries";
import { COVERAGE_BY_PIN_SQL, COVERAGE_BY_PINS_SQL } from "../../lib/policies/status-sql";
import { DELETE_EXPIRED_SQL } from "../../lib/limits/written-behind";
import { makePin } from "../support/factories";

// Issue 17: the status check's statements find a PIN through its unique index. A parameter of another type than the
// column's (text[] against char(14)) silently turns the lookup into a scan of every person — invisible on a test
// database of a few rows, 300 ms per check on a million. With sequential scans priced out, a plan that still scans
// the table could not use the index at all.
const target = resolveDbTarget();

async function plan(sql: string, params: unknown[]): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe.skipIf(target.kind !== "postgres")("the status check's and the terminal payer's plans (issue 17)", () => {
  it.each([
    ["one PIN", COVERAGE_BY_PIN_SQL, [makePin()]],
    ["the PINs of one turn", COVERAGE_BY_PINS_SQL, [[makePin(), makePin("FEMALE")]]],
    ["a payment channel's people of one turn", `${PERSON_BY_PIN_SQL} = ANY($1::char(14)[])`, [[makePin(), makePin()]]],
    ["a terminal's payers of one turn, with what they hold", PAYERS_BY_PINS_SQL, [[makePin(), makePin()]]],
  ])("%s: through the PIN's unique index", async (_name, sql, params) => {
    const text = await plan(sql, params);
    expect(text).toMatch(/Index (Only )?Scan (using|on) "Person_pin_key"/);
    expect(text).not.toMatch(/Seq Scan on "Person"/);
  });
});

// These statements are prepared (lib/db `prepared`): after five executions PostgreSQL may keep one generic plan for a
// connection, made without the parameters' values. That plan must find the PINs through the index too.
async function genericPlan(sql: string, pins: string[]): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    await tx.$executeRawUnsafe("SET LOCAL plan_cache_mode = force_generic_plan");
    await tx.$executeRawUnsafe(`PREPARE hot_path_plan AS ${sql}`);
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN EXECUTE hot_path_plan(ARRAY[${pins.map((pin) => `'${pin}'`).join(", ")}]::char(14)[])`,
    );
    await tx.$executeRawUnsafe("DEALLOCATE hot_path_plan");
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe.skipIf(target.kind !== "postgres")("the same statements prepared: their generic plans (issue 17)", () => {
  it.each([
    ["the PINs of one turn", COVERAGE_BY_PINS_SQL],
    ["a payment channel's people of one turn", `${PERSON_BY_PIN_SQL} = ANY($1::char(14)[])`],
    ["a terminal's payers of one turn, with what they hold", PAYERS_BY_PINS_SQL],
  ])("%s: through the PIN's unique index", async (_name, sql) => {
    const text = await genericPlan(sql, [makePin(), makePin("FEMALE")]);
    expect(text).toMatch(/Index (Only )?Scan (using|on) "Person_pin_key"/);
    expect(text).not.toMatch(/Seq Scan on "Person"/);
  });
});

describe.skipIf(target.kind !== "postgres")("the rate limits' cleanup (the job clear-rate-limits)", () => {
  it("reads and locks one key range of the counters' primary key per statement, never the whole table", async () => {
    const text = await plan(DELETE_EXPIRED_SQL, ["", Date.now(), 1_000]);
    expect(text).toMatch(/Index (Only )?Scan (using|on) counters_pkey/);
    expect(text).not.toMatch(/Seq Scan on counters/);
  });
});
