// What a person shows at a ТУ (cl. 10) or to the family doctor (cl. 27), as a checklist the UI renders with the
// labels under `document.<CODE>` in lib/i18n/messages/{ru,ky}/rules.json. The same namespace also labels every
// DocumentType a person is registered with (DOCUMENT_LABEL_KEYS); codes shared by both mean the same document.

import {
  DOCUMENT_TYPES,
  PREGNANCY_BASE_CATEGORIES,
  PREGNANCY_FOREIGN_CITIZEN_CATEGORY,
  type Category,
  type DocumentType,
} from "./categories";

/** Checklist codes. */
export const DOCUMENT_CODES = [
  "KG_PASSPORT_OR_ID_CARD",
  "EAEU_PASSPORT",
  "FOREIGN_PASSPORT",
  "BIRTH_CERTIFICATE",
  "KG_PIN",
  "WORKER_EMPLOYMENT_CERTIFICATE",
  "MARRIAGE_CERTIFICATE",
  "SOCIAL_FUND_CERTIFICATE",
  "REFUGEE_DOCUMENT",
  "ASYLUM_SEEKER_DOCUMENT",
  "KAIRYLMAN_CERTIFICATE",
  "MEKEN_CARD",
  "STUDY_CERTIFICATE",
  "HUSBAND_EMPLOYMENT_CERTIFICATE",
  "HUSBAND_SOCIAL_FUND_CERTIFICATE",
  "MARRIAGE_CERTIFICATE_WITH_CITIZEN",
  "PREGNANCY_CARD",
  "PREGNANCY_BASE_DOCUMENTS",
] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];

/** Every key of the `document` namespace in rules.json: checklist codes and identity document types. */
export const DOCUMENT_LABEL_KEYS: readonly (DocumentCode | DocumentType)[] = [
  ...new Set([...DOCUMENT_CODES, ...DOCUMENT_TYPES]),
];

export type DocumentRequirement = {
  code: DocumentCode;
  clause: string;
  /** true when the order does not name this document and we added it (README, Interpretations) */
  isInterpretation: boolean;
};

const doc = (code: DocumentCode, clause: string, isInterpretation = false): DocumentRequirement => ({
  code,
  clause,
  isInterpretation,
});

const CL10 = "cl. 10";
const CL27 = "cl. 27";

const PAPER_POLICY_DOCUMENTS: Record<Exclude<Category, "PREGNANT">, readonly DocumentRequirement[]> = {
  // cl. 10 "паспорт гражданина КР"; cl. 27 adds "(ID-карта)": the ID card is the citizen's passport in card form.
  CITIZEN: [doc("KG_PASSPORT_OR_ID_CARD", CL10)],
  EAEU_FAMILY: [
    doc("EAEU_PASSPORT", CL10),
    doc("KG_PIN", CL10),
    doc("WORKER_EMPLOYMENT_CERTIFICATE", CL10),
    doc("MARRIAGE_CERTIFICATE", CL10),
    doc("SOCIAL_FUND_CERTIFICATE", CL10),
  ],
  // cl. 10 names only the birth certificate for the child; interpretation: it replaces the passport and the marriage
  // certificate, while the parent's employment and contributions still have to be shown (cl. 11: "legally working").
  EAEU_CHILD: [
    doc("BIRTH_CERTIFICATE", CL10),
    doc("KG_PIN", CL10, true),
    doc("WORKER_EMPLOYMENT_CERTIFICATE", "cl. 10, 11", true),
    doc("SOCIAL_FUND_CERTIFICATE", "cl. 10, 11", true),
  ],
  REFUGEE: [doc("REFUGEE_DOCUMENT", CL10), doc("KG_PIN", CL10)],
  ASYLUM_SEEKER: [doc("ASYLUM_SEEKER_DOCUMENT", CL10), doc("KG_PIN", CL10)],
  KAIRYLMAN: [doc("KAIRYLMAN_CERTIFICATE", CL10), doc("KG_PIN", CL10)],
  FOREIGNER: [doc("FOREIGN_PASSPORT", CL10), doc("KG_PIN", CL10)],
  // Interpretation: the student category (and, for agreement states, its lower price) has to be shown somehow.
  FOREIGN_STUDENT: [doc("FOREIGN_PASSPORT", CL10), doc("KG_PIN", CL10), doc("STUDY_CERTIFICATE", "cl. 7", true)],
  FOREIGN_STUDENT_AGREEMENT: [
    doc("FOREIGN_PASSPORT", CL10),
    doc("KG_PIN", CL10),
    doc("STUDY_CERTIFICATE", "cl. 4 note, 7", true),
  ],
  COMPATRIOT: [doc("MEKEN_CARD", CL10)],
};

/**
 * cl. 27: the documents for the free pregnancy policy, by the woman's base category. Kairylmans are listed in cl. 24
 * but not in cl. 27; interpretation: their cl. 10 documents. A category cl. 24 does not list (refugees, asylum
 * seekers, students, compatriots, EAEU children) gets [].
 */
export function pregnancyDocuments(baseCategory: Category): DocumentRequirement[] {
  if (!(PREGNANCY_BASE_CATEGORIES as readonly Category[]).includes(baseCategory)) return [];
  const card = doc("PREGNANCY_CARD", CL27);
  if (baseCategory === "CITIZEN") return [doc("KG_PASSPORT_OR_ID_CARD", CL27), card];
  if (baseCategory === "EAEU_FAMILY") {
    return [
      doc("EAEU_PASSPORT", CL27),
      doc("KG_PIN", CL27),
      doc("HUSBAND_EMPLOYMENT_CERTIFICATE", CL27),
      doc("MARRIAGE_CERTIFICATE", CL27),
      doc("HUSBAND_SOCIAL_FUND_CERTIFICATE", CL27),
      card,
    ];
  }
  // a foreign citizen married to a citizen of the KR (cl. 24; the stateless are refused by checkPregnancyEligibility)
  if (baseCategory === PREGNANCY_FOREIGN_CITIZEN_CATEGORY) {
    return [doc("FOREIGN_PASSPORT", CL27), doc("KG_PIN", CL27), doc("MARRIAGE_CERTIFICATE_WITH_CITIZEN", CL27), card];
  }
  // KAIRYLMAN
  return [doc("KAIRYLMAN_CERTIFICATE", "cl. 10, 27", true), doc("KG_PIN", "cl. 10, 27", true), card];
}

/**
 * cl. 10, 27: the checklist for a category. For PREGNANT pass the woman's base category (cl. 27 differs by it);
 * without one the list says "the cl. 27 documents for your category" plus the pregnancy card.
 */
export function requiredDocuments(category: Category, pregnancyBaseCategory?: Category): DocumentRequirement[] {
  if (category === "PREGNANT") {
    return pregnancyBaseCategory === undefined
      ? [doc("PREGNANCY_BASE_DOCUMENTS", CL27), doc("PREGNANCY_CARD", CL27)]
      : pregnancyDocuments(pregnancyBaseCategory);
  }
  return [...PAPER_POLICY_DOCUMENTS[category]];
}
