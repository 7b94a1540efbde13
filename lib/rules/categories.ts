// Insurance categories and the other enumerations the rules speak in (SPEC §2; order No. 226 cl. 4, 11, 24).
// The string values equal the Prisma enums of the same names; tests/unit/rules/categories.test.ts keeps them in step.

export const CATEGORIES = [
  "CITIZEN",
  "EAEU_FAMILY",
  "REFUGEE",
  "ASYLUM_SEEKER",
  "KAIRYLMAN",
  "FOREIGNER",
  "FOREIGN_STUDENT",
  "FOREIGN_STUDENT_AGREEMENT",
  "COMPATRIOT",
  "PREGNANT",
  "EAEU_CHILD",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEXES = ["FEMALE", "MALE"] as const;
export type Sex = (typeof SEXES)[number];

/** Only ISSUED covers anyone; a refunded or re-issued policy stops covering its former holder (SPEC §6). */
export const POLICY_STATUSES = ["PENDING", "ISSUED", "REFUNDED", "REISSUED", "CANCELLED"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const DOCUMENT_TYPES = [
  "KG_PASSPORT",
  "KG_ID_CARD",
  "EAEU_PASSPORT",
  "FOREIGN_PASSPORT",
  "RESIDENCE_PERMIT",
  "REFUGEE_CERTIFICATE",
  "ASYLUM_SEEKER_CERTIFICATE",
  "KAIRYLMAN_CERTIFICATE",
  "MEKEN_CARD",
  "BIRTH_CERTIFICATE",
  // appendix, algorithm 4: a document number sent by a terminal for a foreigner seen for the first time; a ТУ
  // clerk completes the type (and the birth date and sex) later (README, interpretation I23)
  "FOREIGN_DOCUMENT_TO_COMPLETE",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Where coverage that is not a purchased policy comes from (employment contributions, state-paid groups …). */
export const EXTERNAL_COVERAGE_SOURCES = ["EMPLOYMENT", "STATE", "OTHER"] as const;
export type ExternalCoverageSource = (typeof EXTERNAL_COVERAGE_SOURCES)[number];

function isOneOf<T extends string>(values: readonly T[], s: unknown): s is T {
  return typeof s === "string" && (values as readonly string[]).includes(s);
}

export const isCategory = (s: unknown): s is Category => isOneOf(CATEGORIES, s);
export const isSex = (s: unknown): s is Sex => isOneOf(SEXES, s);
export const isPolicyStatus = (s: unknown): s is PolicyStatus => isOneOf(POLICY_STATUSES, s);
export const isDocumentType = (s: unknown): s is DocumentType => isOneOf(DOCUMENT_TYPES, s);

/**
 * cl. 9, 11, 24: these policies are issued without payment. Their price, 0, comes from that rule (tariffs.ts,
 * FREE_POLICY_RULES), never from a missing tariff row.
 */
export const FREE_CATEGORIES = ["PREGNANT", "EAEU_CHILD"] as const satisfies readonly Category[];
export const isFreeCategory = (c: Category): boolean => isOneOf(FREE_CATEGORIES, c);

type PaidCategory = Exclude<Category, (typeof FREE_CATEGORIES)[number]>;
/**
 * cost 1.1–1.3: the categories sold for money — every category but the free ones (cl. 11, 24–28), which a family
 * doctor or a ТУ issues without a payment. A non-empty tuple, for input schemas.
 */
export const PAID_CATEGORIES = CATEGORIES.filter((c): c is PaidCategory => !isFreeCategory(c)) as [
  PaidCategory,
  ...PaidCategory[],
];

/** cl. 4 note: foreign students may pay in two stages. */
export const STUDENT_CATEGORIES = [
  "FOREIGN_STUDENT",
  "FOREIGN_STUDENT_AGREEMENT",
] as const satisfies readonly Category[];
export const isStudentCategory = (c: Category): boolean => isOneOf(STUDENT_CATEGORIES, c);

/**
 * Categories whose members hold a foreign citizenship (or none). Used for the terminals' "PIN or document number"
 * (appendix, algorithms 4–5). Not used for cl. 24: see PREGNANCY_BASE_CATEGORIES.
 */
export const FOREIGN_CATEGORIES = [
  "FOREIGNER",
  "FOREIGN_STUDENT",
  "FOREIGN_STUDENT_AGREEMENT",
  "COMPATRIOT",
] as const satisfies readonly Category[];
export const isForeignCategory = (c: Category): boolean => isOneOf(FOREIGN_CATEGORIES, c);

/**
 * cl. 24, exactly as it lists them: the free pregnancy policy is for a woman who is a citizen of the KR, a family
 * member of an EAEU worker legally working in the KR, a kairylman, or a foreign *citizen* married to a citizen of
 * the KR (FOREIGNER with a citizenship — not stateless — and marriedToCitizen, see checkPregnancyEligibility).
 * Not refugees, asylum seekers, students or compatriots (SPEC §5, corrected).
 */
export const PREGNANCY_BASE_CATEGORIES = [
  "CITIZEN",
  "EAEU_FAMILY",
  "KAIRYLMAN",
  "FOREIGNER",
] as const satisfies readonly Category[];

/** cl. 24: the one base category that must be a foreign citizen (not stateless) married to a citizen of the KR. */
export const PREGNANCY_FOREIGN_CITIZEN_CATEGORY = "FOREIGNER" as const satisfies Category;

/** cl. 11: the categories whose under-16 members are EAEU workers' children, entitled to the free policy. */
export const EAEU_CHILD_BASE_CATEGORIES = ["EAEU_FAMILY", "EAEU_CHILD"] as const satisfies readonly Category[];

/** ISO 3166-1 alpha-2 (two Latin capitals), as Person.citizenship and EducationAgreementState.code store it. */
export function isCountryCode(s: unknown): s is string {
  return typeof s === "string" && /^[A-Z]{2}$/.test(s);
}

/**
 * cl. 24 needs to know whether a foreigner is a citizen of another state or stateless (FOREIGNER holds both, cost
 * 1.2). From a person's record: `stateless` true → stateless; `stateless` false or a country code in `citizenship`
 * → a citizen of a state; neither → undefined (not recorded: checkPregnancyEligibility refuses until it is).
 */
export function statelessFromRecord(record: {
  citizenship?: string | null;
  stateless?: boolean | null;
}): boolean | undefined {
  if (record.stateless === true) return true;
  if (record.stateless === false || isCountryCode(record.citizenship)) return false;
  return undefined;
}

/** Appendix, algorithms 4–5: the "for foreign citizens" terminal service takes a PIN or a document number. */
export function canIdentifyByDocumentNumber(category: Category): boolean {
  return isForeignCategory(category);
}

const IDENTITY_DOCUMENT_TYPES: Record<Category, readonly DocumentType[]> = {
  // cl. 10, 27: passport of a citizen; the ID card is the citizen's passport in card form.
  CITIZEN: ["KG_PASSPORT", "KG_ID_CARD"],
  EAEU_FAMILY: ["EAEU_PASSPORT"],
  REFUGEE: ["REFUGEE_CERTIFICATE", "RESIDENCE_PERMIT"],
  ASYLUM_SEEKER: ["ASYLUM_SEEKER_CERTIFICATE", "RESIDENCE_PERMIT"],
  KAIRYLMAN: ["KAIRYLMAN_CERTIFICATE"],
  FOREIGNER: ["FOREIGN_PASSPORT", "RESIDENCE_PERMIT"],
  FOREIGN_STUDENT: ["FOREIGN_PASSPORT"],
  FOREIGN_STUDENT_AGREEMENT: ["FOREIGN_PASSPORT"],
  COMPATRIOT: ["MEKEN_CARD", "FOREIGN_PASSPORT"],
  PREGNANT: ["KG_PASSPORT", "KG_ID_CARD", "EAEU_PASSPORT", "FOREIGN_PASSPORT", "KAIRYLMAN_CERTIFICATE"],
  // cl. 10: a child of an EAEU worker under 16 shows a birth certificate; an older child may have a passport.
  EAEU_CHILD: ["BIRTH_CERTIFICATE", "EAEU_PASSPORT"],
};

/** cl. 9, 10, 27: the identity documents a person of this category can be registered with. */
export function identityDocumentTypes(category: Category): readonly DocumentType[] {
  return IDENTITY_DOCUMENT_TYPES[category];
}
