import { describe, expect, it } from "vitest";
import { checkPinAgainstPerson, isDocumentNumber, normalizeDocumentNumber, parsePin } from "@/lib/rules";

describe("PIN (SPEC §8)", () => {
  it.each([
    { clause: "SPEC §8", pin: "11003199012345", sex: "FEMALE", birthDate: "1990-03-10", serial: "12345" },
    { clause: "SPEC §8", pin: "21003199012345", sex: "MALE", birthDate: "1990-03-10", serial: "12345" },
    { clause: "SPEC §8", pin: "12902200400001", sex: "FEMALE", birthDate: "2004-02-29", serial: "00001" },
    { clause: "SPEC §8", pin: "23112199999999", sex: "MALE", birthDate: "1999-12-31", serial: "99999" },
    { clause: "SPEC §8", pin: "10101190000000", sex: "FEMALE", birthDate: "1900-01-01", serial: "00000" },
  ])("$clause: $pin → $sex born $birthDate", ({ pin, sex, birthDate, serial }) => {
    expect(parsePin(pin)).toEqual({ ok: true, sex, birthDate, serial });
  });

  it.each([
    { clause: "SPEC §8", pin: "", reason: "LENGTH", why: "empty" },
    { clause: "SPEC §8", pin: "2100319901234", reason: "LENGTH", why: "13 digits" },
    { clause: "SPEC §8", pin: "210031990123456", reason: "LENGTH", why: "15 digits" },
    { clause: "SPEC §8", pin: "2100319901234a", reason: "NOT_DIGITS", why: "a letter" },
    { clause: "SPEC §8", pin: "21003 199012345", reason: "NOT_DIGITS", why: "a space inside" },
    { clause: "SPEC §8", pin: " 21003199012345", reason: "NOT_DIGITS", why: "untrimmed" },
    { clause: "SPEC §8", pin: "２1003199012345", reason: "NOT_DIGITS", why: "a full-width digit" },
    { clause: "SPEC §8", pin: "31003199012345", reason: "SEX_DIGIT", why: "first digit 3" },
    { clause: "SPEC §8", pin: "01003199012345", reason: "SEX_DIGIT", why: "first digit 0" },
    { clause: "SPEC §8", pin: "22902202312345", reason: "BIRTH_DATE", why: "29 Feb of a common year" },
    { clause: "SPEC §8", pin: "23104199012345", reason: "BIRTH_DATE", why: "31 April" },
    { clause: "SPEC §8", pin: "20013199012345", reason: "BIRTH_DATE", why: "month 13" },
    { clause: "SPEC §8", pin: "20000199012345", reason: "BIRTH_DATE", why: "day 00" },
    { clause: "SPEC §8", pin: "23112189912345", reason: "BIRTH_DATE", why: "born before 1900" },
  ])("$clause: $pin refused with $reason ($why)", ({ pin, reason }) => {
    expect(parsePin(pin)).toEqual({ ok: false, reason });
  });

  it("SPEC §8: with today, a birth date in the future is impossible", () => {
    expect(parsePin("21003202512345", "2025-03-10")).toMatchObject({ ok: true, birthDate: "2025-03-10" });
    expect(parsePin("21103202512345", "2025-03-10")).toEqual({ ok: false, reason: "BIRTH_DATE" });
  });

  it.each([
    { clause: "SPEC §8", person: { sex: "MALE", birthDate: "1990-03-10" }, result: { ok: true } },
    {
      clause: "SPEC §8, cl. 24",
      person: { sex: "FEMALE", birthDate: "1990-03-10" },
      result: { ok: false, reasons: ["SEX_MISMATCH"] },
    },
    {
      clause: "SPEC §8, cl. 9",
      person: { sex: "MALE", birthDate: "2010-03-10" },
      result: { ok: false, reasons: ["BIRTH_DATE_MISMATCH"] },
    },
    {
      clause: "SPEC §8",
      person: { sex: "FEMALE", birthDate: "2010-03-10" },
      result: { ok: false, reasons: ["SEX_MISMATCH", "BIRTH_DATE_MISMATCH"] },
    },
  ] as const)("$clause: PIN 21003199012345 against $person.sex $person.birthDate", ({ person, result }) => {
    expect(checkPinAgainstPerson("21003199012345", person)).toEqual(result);
  });

  it("SPEC §8: a PIN that does not parse reports its own error", () => {
    expect(checkPinAgainstPerson("123", { sex: "MALE", birthDate: "1990-03-10" })).toEqual({
      ok: false,
      reasons: ["LENGTH"],
    });
  });
});

describe("document numbers of foreigners without a PIN (appendix, algorithms 4–5)", () => {
  it.each([
    { clause: "appendix 4–5", s: "AN1234567", ok: true },
    { clause: "appendix 4–5", s: "an 1234567", ok: true },
    { clause: "appendix 4–5", s: "45 12 345678", ok: true },
    { clause: "appendix 4–5", s: "N12345678", ok: true },
    { clause: "appendix 4–5", s: "ID-0012345", ok: true },
    { clause: "appendix 4–5", s: "№ 1234567", ok: true },
    { clause: "appendix 4–5", s: "АН1234567", ok: true },
    { clause: "appendix 4–5", s: "ҮӨ12345", ok: true },
    { clause: "appendix 4–5", s: "A123", ok: false },
    { clause: "appendix 4–5", s: "ABCDEFGH", ok: false },
    { clause: "appendix 4–5", s: "A1234567890123456789X", ok: false },
    { clause: "appendix 4–5", s: "+996555123456", ok: false },
    { clause: "appendix 4–5", s: "AB/123456", ok: false },
    { clause: "appendix 4–5", s: "", ok: false },
  ])("$clause: isDocumentNumber($s) = $ok", ({ s, ok }) => {
    expect(isDocumentNumber(s)).toBe(ok);
  });

  it("appendix 4–5: normalized form is upper case without spaces, hyphens or №", () => {
    expect(normalizeDocumentNumber(" an-12 345 67 ")).toBe("AN1234567");
    expect(normalizeDocumentNumber("№ ан123456")).toBe("АН123456");
  });
});
