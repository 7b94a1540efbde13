/**
 * The status benchmark's bare reference (issue 17): node:http + a pg Pool, nothing in between. The same SQL as the
 * portal (lib/policies/status-sql.ts; prepared once per connection, as the portal's is), the same rules (insuredStatusOn) and the same JSON body (toStatusApiBody).
 * Started by tests/bench/status.ts with PORT and DATABASE_URL; not part of the portal.
 */
import http from "node:http";
import pg from "pg";
import { COVERAGE_BY_PIN_SQL, toCoverageInput, type CoverageRow } from "../../lib/policies/status-sql";
import { toStatusApiBody } from "../../lib/policies/status-api";
import { bishkekDate, insuredStatusOn } from "../../lib/rules";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });

const server = http.createServer((req, res) => {
  const pin = new URL(req.url ?? "/", "http://x").searchParams.get("pin") ?? "";
  if (!/^\d{14}$/.test(pin)) {
    res.writeHead(400, { "content-type": "application/json" }).end('{"error":"pin"}');
    return;
  }
  pool.query<CoverageRow>({ name: "bare_coverage_by_pin", text: COVERAGE_BY_PIN_SQL, values: [pin] }).then(
    ({ rows }) => {
      const body = JSON.stringify(toStatusApiBody(insuredStatusOn(toCoverageInput(rows[0]), bishkekDate(new Date()))));
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(body);
    },
    (e: Error) => {
      res.writeHead(500).end(e.message);
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`bare status server on :${process.env.PORT}`));
