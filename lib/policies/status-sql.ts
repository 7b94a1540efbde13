import type { CoverageInput } from "@/lib/rules";

/**
 * The public status check's one SQL statement (issue 17): a person's policies and coverage from other sources by PIN,
 * in one round trip, as two JSON arrays of [number, status, validFrom, validTo] and [validFrom, validTo, source]
 * (dates as 'YYYY-MM-DD'). No row: an unknown PIN (answered like an uninsured person). Shared with the benchmark's
 * bare reference server (tests/bench/status-bare-server.ts), so both measure the same query.
 */
/** The coverage of the person `p` as the two JSON arrays of a CoverageRow (also read with a terminal's payer). */
export const COVERAGE_COLUMNS = `COALESCE((SELECT json_agg(json_build_array(po."number", po."status", po."validFrom", po."validTo"))
              FROM "Policy" po WHERE po."personId" = p."id"), '[]'::json) AS "policies",
  COALESCE((SELECT json_agg(json_build_array(e."validFrom", e."validTo", e."source"))
              FROM "ExternalCoverage" e WHERE e."personId" = p."id"), '[]'::json) AS "external"`;

const coverageSql = (where: string, extra = "") => `SELECT${extra}
  ${COVERAGE_COLUMNS}
FROM "Person" p WHERE ${where}`;

export const COVERAGE_BY_PIN_SQL = coverageSql(`p."pin" = $1`);
/**
 * The same for several PINs at once (the checks that arrived in one turn of the event loop), each row with its PIN.
 * The array is of the column's own type, char(14): a text[] would compare as text and miss the PIN's unique index.
 */
export const COVERAGE_BY_PINS_SQL = coverageSql(`p."pin" = ANY($1::char(14)[])`, ` p."pin" AS "pin",`);
/** The same by the person's id: the payment transaction reads the coverage it decides on in one statement. */
export const COVERAGE_BY_PERSON_ID_SQL = coverageSql(`p."id" = $1::uuid`);

export type CoverageRow = {
  policies: [string, string, string | null, string | null][];
  external: [string, string, string][];
};

/** A row of these statements as the rules' coverage (no row: nothing, answered like an uninsured person). */
export function toCoverageInput(row: CoverageRow | undefined): CoverageInput {
  if (!row) return { policies: [], external: [] };
  return {
    policies: row.policies.map(([number, status, validFrom, validTo]) => ({
      number,
      status: status as CoverageInput["policies"][number]["status"],
      validFrom,
      validTo,
    })),
    external: row.external.map(([validFrom, validTo, source]) => ({
      validFrom,
      validTo,
      source: source as CoverageInput["external"][number]["source"],
    })),
  };
}
