import "server-only";
import { canAdministerReferenceData, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";

// What the admin screens list (issue 15). Every query checks the admin's permission and answers nothing without it.

/** The whole tariff history, by category, term and first day (newest first within each). */
export async function listTariffHistory(user: StaffUser) {
  if (!canAdministerReferenceData(user)) return [];
  const rows = await db.tariff.findMany({
    orderBy: [{ category: "asc" }, { termMonths: "asc" }, { effectiveFrom: "desc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    termMonths: r.termMonths,
    priceSom: r.priceSom,
    effectiveFrom: fromDbDate(r.effectiveFrom),
    effectiveTo: fromDbDateOrNull(r.effectiveTo),
    legalBasisRu: r.legalBasisRu,
    legalBasisKy: r.legalBasisKy,
  }));
}

export async function listEducationStates(user: StaffUser) {
  if (!canAdministerReferenceData(user)) return [];
  const rows = await db.educationAgreementState.findMany({ orderBy: { code: "asc" } });
  return rows.map((r) => ({
    code: r.code,
    nameRu: r.nameRu,
    nameKy: r.nameKy,
    effectiveFrom: fromDbDate(r.effectiveFrom),
    effectiveTo: fromDbDateOrNull(r.effectiveTo),
    legalBasisRu: r.legalBasisRu,
    legalBasisKy: r.legalBasisKy,
  }));
}

/** Offices with their health organizations. */
export async function listOfficesWithOrganizations(user: StaffUser) {
  if (!canAdministerReferenceData(user)) return [];
  return db.territorialOffice.findMany({
    select: {
      code: true,
      nameRu: true,
      nameKy: true,
      addressRu: true,
      addressKy: true,
      phone: true,
      healthOrganizations: { select: { code: true, nameRu: true, nameKy: true }, orderBy: { code: "asc" } },
    },
    orderBy: { code: "asc" },
  });
}

export async function findOfficeForAdmin(user: StaffUser, code: string) {
  if (!canAdministerReferenceData(user)) return null;
  return db.territorialOffice.findUnique({
    where: { code },
    select: { code: true, nameRu: true, nameKy: true, addressRu: true, addressKy: true, phone: true },
  });
}

export async function findHealthOrganizationForAdmin(user: StaffUser, code: string) {
  if (!canAdministerReferenceData(user)) return null;
  return db.healthOrganization.findUnique({
    where: { code },
    select: { code: true, nameRu: true, nameKy: true, office: { select: { code: true, nameRu: true, nameKy: true } } },
  });
}

/** The calendar's exceptions in a year. */
export async function listCalendarYear(user: StaffUser, year: number) {
  if (!canAdministerReferenceData(user)) return [];
  const rows = await db.workingCalendarDay.findMany({
    where: { date: { gte: toDbDate(`${year}-01-01`), lte: toDbDate(`${year}-12-31`) } },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ date: fromDbDate(r.date), kind: r.kind, nameRu: r.nameRu, nameKy: r.nameKy }));
}
