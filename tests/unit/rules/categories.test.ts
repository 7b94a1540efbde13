import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  DOCUMENT_TYPES,
  EXTERNAL_COVERAGE_SOURCES,
  POLICY_STATUSES,
  SEXES,
  isCategory,
  isDocumentType,
  isFreeCategory,
  isPolicyStatus,
  isSex,
  isStudentCategory,
} from "@/lib/rules";

// The rules speak the database's language: each list must equal the Prisma enum of the same name, in order.
const schema = readFileSync(fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url)), "utf8");
function prismaEnum(name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1];
  if (body === undefined) throw new Error(`enum ${name} not found in prisma/schema.prisma`);
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

describe("categories and enums (SPEC §2)", () => {
  it.each([
    { clause: "SPEC §2", name: "Category", values: CATEGORIES },
    { clause: "cl. 24", name: "Sex", values: SEXES },
    { clause: "SPEC §6", name: "PolicyStatus", values: POLICY_STATUSES },
    { clause: "cl. 10", name: "DocumentType", values: DOCUMENT_TYPES },
    { clause: "cl. 12.2", name: "ExternalCoverageSource", values: EXTERNAL_COVERAGE_SOURCES },
  ])("$clause: $name equals the Prisma enum", ({ name, values }) => {
    expect([...values]).toEqual(prismaEnum(name));
  });

  it("SPEC §2: type guards accept exactly the enum values", () => {
    expect(isCategory("CITIZEN")).toBe(true);
    expect(isCategory("citizen")).toBe(false);
    expect(isCategory(undefined)).toBe(false);
    expect(isSex("FEMALE")).toBe(true);
    expect(isSex("F")).toBe(false);
    expect(isPolicyStatus("ISSUED")).toBe(true);
    expect(isPolicyStatus("ACTIVE")).toBe(false);
    expect(isDocumentType("MEKEN_CARD")).toBe(true);
    expect(isDocumentType("PIN")).toBe(false);
  });

  it.each(
    CATEGORIES.map((category) => ({
      clause: "cl. 4 note, 11, 24",
      category,
      free: category === "PREGNANT" || category === "EAEU_CHILD",
      student: category === "FOREIGN_STUDENT" || category === "FOREIGN_STUDENT_AGREEMENT",
    })),
  )("$clause: $category — free $free, student $student", ({ category, free, student }) => {
    expect(isFreeCategory(category)).toBe(free);
    expect(isStudentCategory(category)).toBe(student);
  });
});
