// Foreign students from a state with an intergovernmental agreement (or a treaty in force to which the KR is a party)
// pay the citizens' price (order No. 226 cl. 4 note, cl. 7). Which states those are is data the Fund keeps (SPEC §2):
// the Prisma model EducationAgreementState; the rules take the list as an argument.

import { isCountryCode } from "./categories";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";

/** One state's agreement, as the Fund records it (Prisma EducationAgreementState). */
export type EducationAgreementStateRow = {
  /** ISO 3166-1 alpha-2 */
  code: string;
  nameRu: string;
  nameKy: string;
  effectiveFrom: CalendarDate;
  /** inclusive; null while in force */
  effectiveTo: CalendarDate | null;
  legalBasisRu: string;
  legalBasisKy: string;
};

export type StudentCategory = "FOREIGN_STUDENT" | "FOREIGN_STUDENT_AGREEMENT";

function isUsableAgreement(row: EducationAgreementStateRow): boolean {
  return (
    isCountryCode(row.code) &&
    isCalendarDate(row.effectiveFrom) &&
    (row.effectiveTo === null ||
      (isCalendarDate(row.effectiveTo) && compareDates(row.effectiveFrom, row.effectiveTo) <= 0))
  );
}

/**
 * cl. 4 note, cl. 7: the agreement of the state `stateCode` (ISO 3166-1 alpha-2, upper or lower case) in force on
 * `on`, or null — no such state in the list, no agreement that day, a stateless student (null), or a code that is not
 * a country code. Rows with a malformed code or period are ignored.
 */
export function findEducationAgreement(
  agreements: readonly EducationAgreementStateRow[],
  stateCode: string | null,
  on: CalendarDate,
): EducationAgreementStateRow | null {
  if (stateCode === null) return null;
  const code = stateCode.toUpperCase();
  if (!isCountryCode(code)) return null;
  return (
    agreements.find(
      (a) =>
        isUsableAgreement(a) &&
        a.code === code &&
        compareDates(a.effectiveFrom, on) <= 0 &&
        (a.effectiveTo === null || compareDates(on, a.effectiveTo) <= 0),
    ) ?? null
  );
}

/**
 * cl. 4 note, cl. 7: the category of a foreign student who is a citizen of `stateCode` (null = stateless), on day
 * `on`: FOREIGN_STUDENT_AGREEMENT (citizens' price) when that state's agreement is in force that day, else
 * FOREIGN_STUDENT (cost 1.3).
 */
export function studentCategoryForState(
  stateCode: string | null,
  on: CalendarDate,
  agreements: readonly EducationAgreementStateRow[],
): StudentCategory {
  return findEducationAgreement(agreements, stateCode, on) === null ? "FOREIGN_STUDENT" : "FOREIGN_STUDENT_AGREEMENT";
}

export type EducationAgreementProblem = { index: number; problem: "UNUSABLE_ROW" | "DUPLICATE_CODE" };

/** Checks the list before it is saved (admin screen, seed): malformed rows and a state listed twice. */
export function validateEducationAgreements(rows: readonly EducationAgreementStateRow[]): EducationAgreementProblem[] {
  const problems: EducationAgreementProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((r, index) => {
    if (!isUsableAgreement(r) || r.nameRu.trim() === "" || r.nameKy.trim() === "")
      problems.push({ index, problem: "UNUSABLE_ROW" });
    else if (seen.has(r.code)) problems.push({ index, problem: "DUPLICATE_CODE" });
    seen.add(r.code);
  });
  return problems;
}
