// Why a policy cannot be sold or issued: a code for the program, the clause for the record, and a human text in
// lib/i18n/messages/{ru,ky}/rules.json under `refusal.<CODE>`.

/** In the order a screen should explain them: the category, the person, the document, the coverage, the price. */
export const REFUSAL_CODES = [
  "PREGNANCY_VIA_DOCTOR",
  "PREGNANCY_WRONG_SEX",
  "PREGNANCY_CATEGORY_NOT_ELIGIBLE",
  "PREGNANCY_STATELESS",
  "PREGNANCY_CITIZENSHIP_UNKNOWN",
  "PREGNANCY_NOT_MARRIED_TO_CITIZEN",
  "REGISTRATION_DATE_IN_FUTURE",
  "REGISTRATION_DATE_TOO_OLD",
  "EAEU_CHILD_NOT_EAEU_FAMILY",
  "INVALID_BIRTH_DATE",
  "CITIZEN_UNDER_16",
  "EAEU_CHILD_TOO_OLD",
  "EAEU_FAMILY_CHILD_FREE",
  "NO_IDENTITY_DOCUMENT",
  "DOCUMENTS_MISSING",
  "INSURED_ELSEWHERE",
  "ALREADY_INSURED",
  "POLICY_ALREADY_PAID",
  "NO_PAYMENT",
  "NO_TARIFF",
  "TERM_NOT_ALLOWED",
  "INSTALMENTS_NOT_ALLOWED",
  "ALREADY_PAID_IN_FULL",
  "SECOND_INSTALMENT_WITHOUT_FIRST",
  "SECOND_INSTALMENT_TOO_LATE",
  "STUDENT_PAYMENT_WRONG_AMOUNT",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = { code: RefusalCode; clause: string };

/**
 * The clause each refusal rests on ("cl." = order No. 226; "cost" = the order on cost; "SPEC" = an interpretation
 * recorded in lib/rules/README.md).
 */
export const REFUSAL_CLAUSES: Record<RefusalCode, string> = {
  PREGNANCY_VIA_DOCTOR: "cl. 24–26",
  INVALID_BIRTH_DATE: "SPEC §8",
  CITIZEN_UNDER_16: "cl. 9",
  EAEU_CHILD_TOO_OLD: "cl. 11",
  EAEU_FAMILY_CHILD_FREE: "cl. 11",
  NO_IDENTITY_DOCUMENT: "cl. 9",
  DOCUMENTS_MISSING: "cl. 10",
  NO_PAYMENT: "cl. 9",
  INSURED_ELSEWHERE: "cl. 12.2, 19",
  ALREADY_INSURED: "cl. 24, 34",
  POLICY_ALREADY_PAID: "cl. 5; SPEC §3",
  PREGNANCY_WRONG_SEX: "cl. 24",
  PREGNANCY_CATEGORY_NOT_ELIGIBLE: "cl. 24",
  PREGNANCY_STATELESS: "cl. 24",
  PREGNANCY_CITIZENSHIP_UNKNOWN: "cl. 24",
  PREGNANCY_NOT_MARRIED_TO_CITIZEN: "cl. 24",
  REGISTRATION_DATE_IN_FUTURE: "cl. 26; SPEC I30",
  REGISTRATION_DATE_TOO_OLD: "cl. 26; SPEC I30",
  EAEU_CHILD_NOT_EAEU_FAMILY: "cl. 11",
  NO_TARIFF: "cost 1.1–1.3",
  TERM_NOT_ALLOWED: "cl. 4",
  INSTALMENTS_NOT_ALLOWED: "cl. 4 note",
  ALREADY_PAID_IN_FULL: "cl. 4 note; SPEC §2",
  SECOND_INSTALMENT_WITHOUT_FIRST: "cl. 4 note; SPEC §2",
  SECOND_INSTALMENT_TOO_LATE: "cl. 4 note; SPEC §2",
  STUDENT_PAYMENT_WRONG_AMOUNT: "cl. 4 note; cost 1.1, 1.3",
};

export function refusal(code: RefusalCode): Refusal {
  return { code, clause: REFUSAL_CLAUSES[code] };
}
