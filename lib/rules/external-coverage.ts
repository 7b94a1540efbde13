// The external-coverage registry (issue 15; cl. 8, 12.2, 19: a person insured otherwise — through employment
// contributions or as a state-paid category — buys no policy). One row of a registry file is checked here; what an
// import replaces is interpretation I39 (README).

import type { ExternalCoverageSource, Sex } from "./categories";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { parsePin } from "./pin";

/** Why a registry row is not imported (messages: rules.json `coverageRow.<CODE>`). */
export const COVERAGE_ROW_REASONS = [
  "PIN_MISSING",
  "PIN_NOT_DIGITS",
  "PIN_LENGTH",
  "PIN_SEX_DIGIT",
  "PIN_BIRTH_DATE",
  "SOURCE_UNKNOWN",
  "SOURCE_MISMATCH",
  "FROM_INVALID",
  "TO_INVALID",
  "FROM_AFTER_TO",
  "OUTSIDE_PERIOD",
] as const;
export type CoverageRowReason = (typeof COVERAGE_ROW_REASONS)[number];

export type RawCoverageRow = { pin: string; source: string; coveredFrom: string; coveredTo: string };

export type CoverageImportPeriod = { source: ExternalCoverageSource; periodFrom: CalendarDate; periodTo: CalendarDate };

export type CheckedCoverageRow =
  | { ok: true; pin: string; birthDate: CalendarDate; sex: Sex; validFrom: CalendarDate; validTo: CalendarDate }
  | { ok: false; reason: CoverageRowReason };

/** Source names a registry may use besides the enum's own (the two state registries' Russian words). */
const SOURCE_ALIASES: Record<string, ExternalCoverageSource> = {
  EMPLOYMENT: "EMPLOYMENT",
  STATE: "STATE",
  OTHER: "OTHER",
  ВЗНОСЫ: "EMPLOYMENT",
  РАБОТА: "EMPLOYMENT",
  ГОСУДАРСТВО: "STATE",
  БЮДЖЕТ: "STATE",
  ПРОЧЕЕ: "OTHER",
};

/** A registry's date: YYYY-MM-DD or DD.MM.YYYY (what the Social Fund's exports use); anything else is null. */
export function parseRegistryDate(s: string): CalendarDate | null {
  const t = s.trim();
  if (isCalendarDate(t)) return t;
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const d = `${m[3]}-${m[2]}-${m[1]}`;
  return isCalendarDate(d) ? d : null;
}

/**
 * One row of a registry file for `period` (I39). The PIN must parse (SPEC §8: it carries sex and birth date, which
 * register a person the portal has not met); an empty source column means the source of the upload, a filled one must
 * be a known source and that same one; the dates are a range inside the period of the upload. Checks run in this order
 * and the first failure is the reason.
 */
export function checkCoverageRow(raw: RawCoverageRow, period: CoverageImportPeriod): CheckedCoverageRow {
  const pin = raw.pin.trim();
  if (pin === "") return { ok: false, reason: "PIN_MISSING" };
  const parsed = parsePin(pin);
  if (!parsed.ok) return { ok: false, reason: `PIN_${parsed.reason}` };
  const sourceText = raw.source.trim().toUpperCase();
  if (sourceText !== "") {
    const source = SOURCE_ALIASES[sourceText];
    if (!source) return { ok: false, reason: "SOURCE_UNKNOWN" };
    if (source !== period.source) return { ok: false, reason: "SOURCE_MISMATCH" };
  }
  const validFrom = parseRegistryDate(raw.coveredFrom);
  if (!validFrom) return { ok: false, reason: "FROM_INVALID" };
  const validTo = parseRegistryDate(raw.coveredTo);
  if (!validTo) return { ok: false, reason: "TO_INVALID" };
  if (compareDates(validFrom, validTo) > 0) return { ok: false, reason: "FROM_AFTER_TO" };
  if (compareDates(validFrom, period.periodFrom) < 0 || compareDates(validTo, period.periodTo) > 0) {
    return { ok: false, reason: "OUTSIDE_PERIOD" };
  }
  return { ok: true, pin, birthDate: parsed.birthDate, sex: parsed.sex, validFrom, validTo };
}
