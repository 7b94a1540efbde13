import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import { insuredStatusOn, type CalendarDate, type CoverageInput, type InsuredStatus } from "@/lib/rules";

export type { InsuredStatus };

/** Everything that can make a person insured: their policies and coverage from other sources (cl. 8, 12.2, 19). */
export async function findCoverageByPin(pin: string): Promise<CoverageInput> {
  return findCoverage({ pin });
}

export async function findCoverageByPersonId(id: string): Promise<CoverageInput> {
  return findCoverage({ id });
}

/**
 * Coverage of the person with this unique key (PIN, id or document), read through `client` — a transaction's client
 * when the caller holds one (PGlite has one connection). Nobody found → no coverage.
 */
export async function findCoverage(where: Prisma.PersonWhereUniqueInput, client: Prisma.TransactionClient = db): Promise<CoverageInput> {
  const person = await client.person.findUnique({
    where,
    select: {
      policies: { select: { number: true, status: true, validFrom: true, validTo: true } },
      externalCoverages: { select: { validFrom: true, validTo: true, source: true } },
    },
  });
  if (!person) return { policies: [], external: [] };
  return {
    policies: person.policies.map((p) => ({
      number: p.number,
      status: p.status,
      validFrom: fromDbDateOrNull(p.validFrom),
      validTo: fromDbDateOrNull(p.validTo),
    })),
    external: person.externalCoverages.map((e) => ({ validFrom: fromDbDate(e.validFrom), validTo: fromDbDate(e.validTo), source: e.source })),
  };
}

/**
 * "Is this PIN insured on that day?" An unknown PIN answers exactly like an uninsured person: the check never
 * reveals whether someone is in the register, and never returns a name (cl. 12.3).
 */
export async function checkInsuredStatus(pin: string, on: CalendarDate): Promise<InsuredStatus> {
  return insuredStatusOn(await findCoverageByPin(pin), on);
}

/** The public contract of GET /api/v1/status (issue #2): exactly these fields, whatever the rules add inside. */
export function toStatusApiBody(status: InsuredStatus) {
  const { coverage, next } = status;
  return {
    insured: status.insured,
    on: status.on,
    coverage: coverage
      ? { source: coverage.source, policyNumber: coverage.policyNumber, validFrom: coverage.validFrom, validTo: coverage.validTo }
      : null,
    next: next ? { policyNumber: next.policyNumber, validFrom: next.validFrom, validTo: next.validTo } : null,
  };
}
