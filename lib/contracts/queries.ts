import "server-only";
import { writeAccessDenied } from "@/lib/audit/mutations";
import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/full-name";
import type { ContractRowReason } from "@/lib/rules";
import { isJobRunning } from "./jobs";
import type {
  ContractImportRowView,
  ContractImportView,
  ContractPersonView,
  ContractRowView,
  ContractView,
  RejectedRowView,
} from "./view-models";

export const REJECTED_PAGE_SIZE = 100;
const PERSONS_SHOWN = 100;
/** A job writes its progress at least every few seconds; silent longer than this, it has stopped. */
const STALE_AFTER_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const contractSelect = {
  id: true,
  number: true,
  entityName: true,
  registrationNumber: true,
  validFrom: true,
  validTo: true,
  status: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  _count: { select: { persons: true } },
} as const satisfies Prisma.ContractSelect;
type ContractRecord = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

function toContractView(c: ContractRecord): ContractView {
  return {
    id: c.id,
    number: c.number,
    entityName: c.entityName,
    registrationNumber: c.registrationNumber,
    validFrom: fromDbDate(c.validFrom),
    validTo: fromDbDate(c.validTo),
    status: c.status,
    persons: c._count.persons,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
  };
}

/** The clerk's office's contracts, newest first (cl. 29); the office is in the `where` (STYLE §4). */
export async function listContracts(user: StaffUser): Promise<ContractRowView[]> {
  if (!canUseOfficeWorkspace(user)) return [];
  const rows = await db.contract.findMany({
    where: { officeId: user.officeId! },
    select: contractSelect,
    orderBy: [{ createdAt: "desc" }],
    take: 500,
  });
  return rows.map(toContractView);
}

/**
 * One contract of the clerk's office; another office's answers "not found" like a missing one, and the attempt is
 * audited (cl. 12.3; STYLE §4).
 */
export async function findContract(user: StaffUser, id: string): Promise<ContractView | null> {
  if (!canUseOfficeWorkspace(user) || !UUID.test(id)) return null;
  const row = await db.contract.findFirst({ where: { id, officeId: user.officeId! }, select: contractSelect });
  if (row) return toContractView(row);
  if (await db.contract.count({ where: { id } })) {
    await writeAccessDenied({ id: user.id, label: user.login }, "office.workspace", `Contract:${id}`);
  }
  return null;
}

const importSelect = {
  id: true,
  fileName: true,
  createdAt: true,
  updatedAt: true,
  status: true,
  totalRows: true,
  acceptedRows: true,
  rejectedRows: true,
  processedRows: true,
  issuedRows: true,
  amountSom: true,
  error: true,
  paymentMode: true,
  paymentReference: true,
  paymentDate: true,
  contract: { select: { id: true, number: true, validFrom: true, validTo: true } },
} as const satisfies Prisma.ContractImportSelect;
type ImportRecord = Prisma.ContractImportGetPayload<{ select: typeof importSelect }>;

function toImportRowView(i: ImportRecord): ContractImportRowView {
  return {
    id: i.id,
    fileName: i.fileName,
    createdAt: i.createdAt.toISOString(),
    status: i.status,
    totalRows: i.totalRows,
    acceptedRows: i.acceptedRows,
    rejectedRows: i.rejectedRows,
    issuedRows: i.issuedRows,
  };
}

/** The lists uploaded for a contract of the clerk's office, newest first. */
export async function listContractImports(user: StaffUser, contractId: string): Promise<ContractImportRowView[]> {
  if (!canUseOfficeWorkspace(user) || !UUID.test(contractId)) return [];
  const rows = await db.contractImport.findMany({
    where: { contractId, officeId: user.officeId! },
    select: importSelect,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(toImportRowView);
}

/** One uploaded list of the clerk's office, with its progress; another office's → null, audited. */
export async function findContractImport(
  user: StaffUser,
  importId: string,
  now: Date,
): Promise<ContractImportView | null> {
  if (!canUseOfficeWorkspace(user) || !UUID.test(importId)) return null;
  const i = await db.contractImport.findFirst({
    where: { id: importId, officeId: user.officeId! },
    select: importSelect,
  });
  if (!i) {
    if (await db.contractImport.count({ where: { id: importId } })) {
      await writeAccessDenied({ id: user.id, label: user.login }, "office.workspace", `ContractImport:${importId}`);
    }
    return null;
  }
  const running = i.status === "VALIDATING" || i.status === "IMPORTING";
  return {
    ...toImportRowView(i),
    contractId: i.contract.id,
    contractNumber: i.contract.number,
    contractValidFrom: fromDbDate(i.contract.validFrom),
    contractValidTo: fromDbDate(i.contract.validTo),
    processedRows: i.processedRows,
    amountSom: i.amountSom ?? 0,
    error: i.error,
    paymentMode: i.paymentMode,
    paymentReference: i.paymentReference,
    paymentDate: fromDbDateOrNull(i.paymentDate),
    stale: running && !isJobRunning(i.id) && now.getTime() - i.updatedAt.getTime() > STALE_AFTER_MS,
  };
}

/** The rejected rows of a list of the clerk's office, in file order, a page at a time (every one with its reason). */
export async function listRejectedRows(
  user: StaffUser,
  importId: string,
  page = 1,
): Promise<{ rows: RejectedRowView[]; total: number }> {
  if (!canUseOfficeWorkspace(user) || !UUID.test(importId)) return { rows: [], total: 0 };
  const where: Prisma.ContractImportRowWhereInput = {
    importId,
    accepted: false,
    import: { officeId: user.officeId! },
  };
  const [rows, total] = await Promise.all([
    db.contractImportRow.findMany({
      where,
      orderBy: { rowNumber: "asc" },
      take: REJECTED_PAGE_SIZE,
      skip: (Math.max(1, page) - 1) * REJECTED_PAGE_SIZE,
    }),
    db.contractImportRow.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      rowNumber: r.rowNumber,
      name: fullName(r),
      pin: r.pin,
      document: r.documentNumber,
      reason: r.reason as ContractRowReason,
    })),
    total,
  };
}

/** The persons of a contract of the clerk's office with their policies (cl. 31), the latest first. */
export async function listContractPersons(
  user: StaffUser,
  contractId: string,
): Promise<{ rows: ContractPersonView[]; total: number }> {
  if (!canUseOfficeWorkspace(user) || !UUID.test(contractId)) return { rows: [], total: 0 };
  const where: Prisma.ContractPersonWhereInput = { contractId, contract: { officeId: user.officeId! } };
  const [rows, total] = await Promise.all([
    db.contractPerson.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { rowNumber: "desc" }],
      take: PERSONS_SHOWN,
      select: {
        id: true,
        person: { select: { lastName: true, firstName: true, patronymic: true, pin: true } },
        policy: { select: { id: true, number: true, validFrom: true, validTo: true } },
      },
    }),
    db.contractPerson.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      holder: fullName(r.person),
      pin: r.person.pin,
      policyId: r.policy.id,
      policyNumber: r.policy.number,
      validFrom: fromDbDateOrNull(r.policy.validFrom),
      validTo: fromDbDateOrNull(r.policy.validTo),
    })),
    total,
  };
}
