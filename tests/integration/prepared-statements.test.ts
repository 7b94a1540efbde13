import { describe, expect, it } from "vitest";
import { prepared, sqlRows, sqlTransaction } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { recordPayment } from "../../lib/payments/record-payment";
import { findTariffRows } from "../../lib/policies/queries";
import { makePin } from "../support/factories";
import { terminalPayment, writtenFor } from "../support/terminal-payments";

// Issue 17: the hot statements are prepared once per connection (lib/db `prepared`): PostgreSQL parses and plans them
// on a connection's first use, then only binds and runs them. One name is one text.
const target = resolveDbTarget();

describe("prepared statements (issue 17)", () => {
  it("is one statement per text: the same text again is the same one, a changed text under its name another", async () => {
    const first = prepared("test_one_name", "SELECT 1::int AS one");
    expect(prepared("test_one_name", "SELECT 1::int AS one")).toEqual(first);
    // what `next dev` does when the statement is edited: the module runs again, the connections keep the old text
    const edited = prepared("test_one_name", "SELECT 2::int AS one");
    expect(edited.name).not.toBe(first.name);
    expect(await sqlRows(first, [])).toEqual([{ one: 1 }]);
    expect(await sqlRows(edited, [])).toEqual([{ one: 2 }]);
    expect(await sqlTransaction(async (sql) => [...(await sql(first, [])), ...(await sql(edited, []))])).toEqual([
      { one: 1 },
      { one: 2 },
    ]);
  });

  it("answers as the text does, on the pool and inside a transaction", async () => {
    const statement = prepared("test_sum", "SELECT ($1::int + $2::int)::int AS sum");
    expect(await sqlRows(statement, [2, 3])).toEqual([{ sum: 5 }]);
    expect(await sqlRows(statement, [40, 2])).toEqual([{ sum: 42 }]);
    expect(await sqlTransaction((sql) => sql(statement, [1, 1]))).toEqual([{ sum: 2 }]);
  });

  it.skipIf(target.kind !== "postgres")(
    "is prepared on the connection that ran it, under its name and with its text",
    async () => {
      const statement = prepared("test_prepared_here", "SELECT $1::text AS echo");
      const names = await sqlTransaction(async (sql) => {
        await sql(statement, ["once"]);
        await sql(statement, ["twice"]);
        return sql<{ name: string; statement: string }>(
          `SELECT "name", "statement" FROM pg_prepared_statements WHERE "name" = $1`,
          [statement.name],
        );
      });
      expect(names).toEqual([{ name: statement.name, statement: "SELECT $1::text AS echo" }]);
      expect(statement.name).toMatch(/^test_prepared_here_[0-9a-f]{12}$/);
    },
  );

  it("a terminal's payments through the prepared reads and writes: each written once, the same as before", async () => {
    const tariffs = await findTariffRows();
    // more than five executions on a connection: PostgreSQL may switch to a generic plan from the sixth on
    const pins = Array.from({ length: 8 }, (_, i) => makePin(i % 2 ? "FEMALE" : "MALE", `1980-01-${10 + i}`));
    for (const pin of pins) {
      const result = await recordPayment(terminalPayment(pin, { beneficiaryUnknown: true, tariffs }));
      expect(result).toMatchObject({ outcome: "created" });
    }
    for (const pin of pins) expect(await writtenFor(pin)).toMatchObject({ policies: 1, payments: 1, messages: 2 });
  });
});
