import type { InsuredStatus } from "@/lib/rules";

/** The public contract of GET /api/v1/status (issue #2): exactly these fields, whatever the rules add inside. */
export function toStatusApiBody(status: InsuredStatus) {
  const { coverage, next } = status;
  return {
    insured: status.insured,
    on: status.on,
    coverage: coverage
      ? {
          source: coverage.source,
          policyNumber: coverage.policyNumber,
          validFrom: coverage.validFrom,
          validTo: coverage.validTo,
        }
      : null,
    next: next ? { policyNumber: next.policyNumber, validFrom: next.validFrom, validTo: next.validTo } : null,
  };
}
