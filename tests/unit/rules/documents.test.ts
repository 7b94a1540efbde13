import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  DOCUMENT_TYPES,
  canIdentifyByDocumentNumber,
  identityDocumentTypes,
  pregnancyDocuments,
  requiredDocuments,
  type Category,
} from "@/lib/rules";

const codesOf = (category: Category, base?: Category) => requiredDocuments(category, base).map((d) => d.code);

describe("documents shown at a ТУ (cl. 10) and to the family doctor (cl. 27)", () => {
  it.each([
    { clause: "cl. 10", category: "CITIZEN", docs: ["KG_PASSPORT_OR_ID_CARD"] },
    {
      clause: "cl. 10",
      category: "EAEU_FAMILY",
      docs: [
        "EAEU_PASSPORT",
        "KG_PIN",
        "WORKER_EMPLOYMENT_CERTIFICATE",
        "MARRIAGE_CERTIFICATE",
        "SOCIAL_FUND_CERTIFICATE",
      ],
    },
    {
      clause: "cl. 10, 11",
      category: "EAEU_CHILD",
      docs: ["BIRTH_CERTIFICATE", "KG_PIN", "WORKER_EMPLOYMENT_CERTIFICATE", "SOCIAL_FUND_CERTIFICATE"],
    },
    { clause: "cl. 10", category: "REFUGEE", docs: ["REFUGEE_DOCUMENT", "KG_PIN"] },
    { clause: "cl. 10", category: "ASYLUM_SEEKER", docs: ["ASYLUM_SEEKER_DOCUMENT", "KG_PIN"] },
    { clause: "cl. 10", category: "KAIRYLMAN", docs: ["KAIRYLMAN_CERTIFICATE", "KG_PIN"] },
    { clause: "cl. 10", category: "FOREIGNER", docs: ["FOREIGN_PASSPORT", "KG_PIN"] },
    { clause: "cl. 10, 7", category: "FOREIGN_STUDENT", docs: ["FOREIGN_PASSPORT", "KG_PIN", "STUDY_CERTIFICATE"] },
    {
      clause: "cl. 10, 4 note",
      category: "FOREIGN_STUDENT_AGREEMENT",
      docs: ["FOREIGN_PASSPORT", "KG_PIN", "STUDY_CERTIFICATE"],
    },
    { clause: "cl. 10", category: "COMPATRIOT", docs: ["MEKEN_CARD"] },
    { clause: "cl. 27", category: "PREGNANT", docs: ["PREGNANCY_BASE_DOCUMENTS", "PREGNANCY_CARD"] },
  ] as { clause: string; category: Category; docs: string[] }[])("$clause: $category → $docs", ({ category, docs }) => {
    expect(codesOf(category)).toEqual(docs);
  });

  it.each([
    { clause: "cl. 27", base: "CITIZEN", docs: ["KG_PASSPORT_OR_ID_CARD", "PREGNANCY_CARD"] },
    {
      clause: "cl. 27",
      base: "EAEU_FAMILY",
      docs: [
        "EAEU_PASSPORT",
        "KG_PIN",
        "HUSBAND_EMPLOYMENT_CERTIFICATE",
        "MARRIAGE_CERTIFICATE",
        "HUSBAND_SOCIAL_FUND_CERTIFICATE",
        "PREGNANCY_CARD",
      ],
    },
    {
      clause: "cl. 27",
      base: "FOREIGNER",
      docs: ["FOREIGN_PASSPORT", "KG_PIN", "MARRIAGE_CERTIFICATE_WITH_CITIZEN", "PREGNANCY_CARD"],
    },
    { clause: "cl. 24 (compatriots are not listed)", base: "COMPATRIOT", docs: [] },
    { clause: "cl. 24 (students are not listed)", base: "FOREIGN_STUDENT", docs: [] },
    { clause: "cl. 24 (students are not listed)", base: "FOREIGN_STUDENT_AGREEMENT", docs: [] },
    { clause: "cl. 24", base: "ASYLUM_SEEKER", docs: [] },
    { clause: "cl. 24", base: "EAEU_CHILD", docs: [] },
    {
      clause: "cl. 10, 27 (interpretation)",
      base: "KAIRYLMAN",
      docs: ["KAIRYLMAN_CERTIFICATE", "KG_PIN", "PREGNANCY_CARD"],
    },
    { clause: "cl. 24", base: "REFUGEE", docs: [] },
  ] as { clause: string; base: Category; docs: string[] }[])(
    "$clause: pregnant, base $base → $docs",
    ({ base, docs }) => {
      expect(codesOf("PREGNANT", base)).toEqual(docs);
      expect(pregnancyDocuments(base).map((d) => d.code)).toEqual(docs);
    },
  );

  it("cl. 10: every requirement names its clause; added documents are marked as interpretations", () => {
    for (const category of CATEGORIES) {
      for (const d of requiredDocuments(category)) expect(d.clause).toMatch(/^cl\. /);
    }
    expect(requiredDocuments("FOREIGN_STUDENT").find((d) => d.code === "STUDY_CERTIFICATE")?.isInterpretation).toBe(
      true,
    );
    expect(requiredDocuments("CITIZEN")[0]?.isInterpretation).toBe(false);
  });

  it("cl. 10: the checklist is a copy — changing it does not change the rule", () => {
    requiredDocuments("CITIZEN").pop();
    expect(codesOf("CITIZEN")).toEqual(["KG_PASSPORT_OR_ID_CARD"]);
  });

  it.each(CATEGORIES.map((category) => ({ clause: "cl. 9, 10", category })))(
    "$clause: $category has identity document types from the Prisma enum",
    ({ category }) => {
      const types = identityDocumentTypes(category);
      expect(types.length).toBeGreaterThan(0);
      for (const t of types) expect(DOCUMENT_TYPES).toContain(t);
    },
  );

  it.each([
    { clause: "appendix 4–5", category: "FOREIGNER", ok: true },
    { clause: "appendix 4–5", category: "FOREIGN_STUDENT", ok: true },
    { clause: "appendix 4–5", category: "COMPATRIOT", ok: true },
    { clause: "appendix 1–3", category: "CITIZEN", ok: false },
    { clause: "cl. 10", category: "REFUGEE", ok: false },
  ] as { clause: string; category: Category; ok: boolean }[])(
    "$clause: $category may be identified by a document number: $ok",
    ({ category, ok }) => {
      expect(canIdentifyByDocumentNumber(category)).toBe(ok);
    },
  );
});
