// "Is this person insured on day D?" (cl. 8, 12.2, 19, 23; SPEC §3). Status counts at the moment of the visit to a
// health organization (cl. 8), so the day is an argument, and the answer is computed, never stored.

import type { ExternalCoverageSource, PolicyStatus } from "./categories";
import { compareDates, isCalendarDate, isDateWithin, type CalendarDate } from "./dates";

export type CoveragePolicy = {
  number: string;
  status: PolicyStatus;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
};

/** Insurance that is not a purchased policy: employment contributions, state-paid categories … (both ends inclusive). */
export type ExternalCoverage = { validFrom: CalendarDate; validTo: CalendarDate; source?: ExternalCoverageSource };

export type CoverageInput = { policies: readonly CoveragePolicy[]; external: readonly ExternalCoverage[] };

export type CoveragePeriod = {
  source: "policy" | "external";
  policyNumber: string | null;
  /** the kind of external coverage, when the caller supplied it; null for a policy */
  externalSource: ExternalCoverageSource | null;
  validFrom: CalendarDate;
  validTo: CalendarDate;
};

export type NextPolicy = { policyNumber: string; validFrom: CalendarDate; validTo: CalendarDate };

export type InsuredStatus = {
  insured: boolean;
  on: CalendarDate;
  coverage: CoveragePeriod | null;
  /** the earliest ISSUED policy that starts after `on`: paid, not yet in force (cl. 5) */
  next: NextPolicy | null;
};

/** A policy row that covers its holder between two real days. */
export type IssuedPolicy = CoveragePolicy & { status: "ISSUED"; validFrom: CalendarDate; validTo: CalendarDate };

// Plain code-unit order: localeCompare would depend on the ICU locale of the machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hasValidPeriod(p: { validFrom: CalendarDate | null; validTo: CalendarDate | null }): boolean {
  return isCalendarDate(p.validFrom) && isCalendarDate(p.validTo) && compareDates(p.validFrom, p.validTo) <= 0;
}

/**
 * SPEC §6: only an ISSUED policy covers anyone — a pending one is unpaid, a refunded or re-issued one stopped
 * covering its former holder, a cancelled one never started. A row without a valid period covers nobody either.
 */
function issuedPolicies(input: CoverageInput): IssuedPolicy[] {
  return input.policies.filter((p): p is IssuedPolicy => p.status === "ISSUED" && hasValidPeriod(p));
}

function validExternal(input: CoverageInput): ExternalCoverage[] {
  return input.external.filter(hasValidPeriod);
}

/** ISSUED policies of the person that cover `on`. */
export function policiesCoveringOn(input: CoverageInput, on: CalendarDate): IssuedPolicy[] {
  return issuedPolicies(input).filter((p) => isDateWithin(on, p.validFrom, p.validTo));
}

/** cl. 12.2, 19; SPEC §3: is the person insured on `on` by something other than their own policies. */
export function isInsuredElsewhereOn(input: CoverageInput, on: CalendarDate): boolean {
  return validExternal(input).some((e) => isDateWithin(on, e.validFrom, e.validTo));
}

/**
 * SPEC §3 (renewal): the last day of the person's own policy that covers `on`, or null. Of several covering policies
 * (which renewal prevents, but data imported from elsewhere may hold) the latest end counts.
 */
export function currentPolicyEnd(input: CoverageInput, on: CalendarDate): CalendarDate | null {
  return policiesCoveringOn(input, on).reduce<CalendarDate | null>(
    (latest, p) => (latest === null || compareDates(p.validTo, latest) > 0 ? p.validTo : latest),
    null,
  );
}

/**
 * Which coverage to report when several cover the day, so the same data always gives the same answer:
 * the one that lasts longest (latest validTo, the most useful "insured until"); then a policy before external
 * coverage (it has a number to show); then the earlier start; then the smaller policy number / source name.
 */
function compareCoverage(a: CoveragePeriod, b: CoveragePeriod): number {
  return (
    compareDates(b.validTo, a.validTo) ||
    (a.source === b.source ? 0 : a.source === "policy" ? -1 : 1) ||
    compareDates(a.validFrom, b.validFrom) ||
    compareText(a.policyNumber ?? a.externalSource ?? "", b.policyNumber ?? b.externalSource ?? "")
  );
}

/** cl. 8, 12.2, 19, 23: the person's insured status on a day, with the coverage that makes it and the next policy. */
export function insuredStatusOn(input: CoverageInput, on: CalendarDate): InsuredStatus {
  const fromPolicies: CoveragePeriod[] = policiesCoveringOn(input, on).map((p) => ({
    source: "policy",
    policyNumber: p.number,
    externalSource: null,
    validFrom: p.validFrom,
    validTo: p.validTo,
  }));
  const fromExternal: CoveragePeriod[] = validExternal(input)
    .filter((e) => isDateWithin(on, e.validFrom, e.validTo))
    .map((e) => ({
      source: "external",
      policyNumber: null,
      externalSource: e.source ?? null,
      validFrom: e.validFrom,
      validTo: e.validTo,
    }));
  const coverage = [...fromPolicies, ...fromExternal].sort(compareCoverage)[0] ?? null;

  // cl. 5: paid but not yet in force — "your policy takes effect on …".
  const upcoming = issuedPolicies(input)
    .filter((p) => compareDates(p.validFrom, on) > 0)
    .sort((a, b) => compareDates(a.validFrom, b.validFrom) || compareText(a.number, b.number))[0];
  const next = upcoming
    ? { policyNumber: upcoming.number, validFrom: upcoming.validFrom, validTo: upcoming.validTo }
    : null;

  return { insured: coverage !== null, on, coverage, next };
}
