// Identifiers (SPEC §8; cl. 20–21; appendix, algorithms 4–5).

import type { Sex } from "./categories";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";

export const PIN_LENGTH = 14;

/** Interpretation: nobody alive and registered was born before 1900, so such a PIN is a typing error. */
export const EARLIEST_PIN_BIRTH_YEAR = 1900;

export const PIN_ERROR_REASONS = ["LENGTH", "NOT_DIGITS", "SEX_DIGIT", "BIRTH_DATE"] as const;
export type PinErrorReason = (typeof PIN_ERROR_REASONS)[number];

export const PIN_MISMATCH_REASONS = ["SEX_MISMATCH", "BIRTH_DATE_MISMATCH"] as const;
export type PinMismatchReason = (typeof PIN_MISMATCH_REASONS)[number];

export type ParsedPin =
  { ok: true; sex: Sex; birthDate: CalendarDate; serial: string } | { ok: false; reason: PinErrorReason };

/**
 * SPEC §8 (interpretation): 14 digits — the 1st is the sex (1 female, 2 male), the next eight the date of birth
 * DDMMYYYY, the last five a serial. The PIN must already be trimmed. With `today`, a birth date after it is
 * rejected too. Checks run in this order: NOT_DIGITS, LENGTH, SEX_DIGIT, BIRTH_DATE.
 */
export function parsePin(pin: string, today?: CalendarDate): ParsedPin {
  if (!/^\d*$/.test(pin)) return { ok: false, reason: "NOT_DIGITS" };
  if (pin.length !== PIN_LENGTH) return { ok: false, reason: "LENGTH" };
  const sexDigit = pin.charAt(0);
  if (sexDigit !== "1" && sexDigit !== "2") return { ok: false, reason: "SEX_DIGIT" };
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  if (
    !isCalendarDate(birthDate) ||
    Number(pin.slice(5, 9)) < EARLIEST_PIN_BIRTH_YEAR ||
    (today !== undefined && compareDates(birthDate, today) > 0)
  ) {
    return { ok: false, reason: "BIRTH_DATE" };
  }
  return { ok: true, sex: sexDigit === "1" ? "FEMALE" : "MALE", birthDate, serial: pin.slice(9) };
}

/**
 * SPEC §8: age (under 16, cl. 9) and sex (pregnancy, cl. 24) are cross-checked against the PIN. Returns every
 * disagreement, or the PIN's own error if it does not parse.
 */
export function checkPinAgainstPerson(
  pin: string,
  person: { sex: Sex; birthDate: CalendarDate },
  today?: CalendarDate,
): { ok: true } | { ok: false; reasons: (PinErrorReason | PinMismatchReason)[] } {
  const parsed = parsePin(pin, today);
  if (!parsed.ok) return { ok: false, reasons: [parsed.reason] };
  const reasons: PinMismatchReason[] = [];
  if (parsed.sex !== person.sex) reasons.push("SEX_MISMATCH");
  if (parsed.birthDate !== person.birthDate) reasons.push("BIRTH_DATE_MISMATCH");
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** Upper case, without spaces, hyphens or "№" — the form to store and compare document numbers in. */
export function normalizeDocumentNumber(s: string): string {
  return s.replace(/[\s\-№]/g, "").toUpperCase();
}

const DOCUMENT_NUMBER_PATTERN = /^[A-Z0-9А-ЯЁҢӨҮ]{5,20}$/;

/**
 * Appendix, algorithms 4–5: a foreigner without a PIN is identified by document type + number. Interpretation:
 * after normalizeDocumentNumber, 5–20 Latin or Cyrillic letters and digits with at least one digit (passport
 * numbers worldwide fit; names, phone numbers with "+" and free text do not).
 */
export function isDocumentNumber(s: string): boolean {
  const normalized = normalizeDocumentNumber(s);
  return DOCUMENT_NUMBER_PATTERN.test(normalized) && /\d/.test(normalized);
}
