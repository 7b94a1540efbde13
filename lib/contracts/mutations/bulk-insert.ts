import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

// Bulk inserts of a contract list's batch as one statement per table over UNNEST'ed column arrays. Prisma's
// createMany builds one bind parameter per cell in JavaScript (13 000 for 1 000 rows), which made the 20 000-row
// import take minutes (README, the contracts benchmark); a dozen array parameters carry the same rows in
// milliseconds. Columns Prisma fills on the client (@default(uuid()), @updatedAt) are filled here.

type Tx = Prisma.TransactionClient;

export type ImportRowInsert = {
  importId: string;
  rowNumber: number;
  accepted: boolean;
  reason: string | null;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  pin: string;
  documentType: string;
  documentNumber: string;
  category: string;
  termMonths: number;
  priceSom: number | null;
};

const col = <T, K extends keyof T>(rows: T[], key: K): T[K][] => rows.map((r) => r[key]);

export async function insertImportRows(tx: Tx, rows: ImportRowInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`INSERT INTO "ContractImportRow" ("importId", "rowNumber", "accepted", "reason", "lastName",
    "firstName", "patronymic", "pin", "documentType", "documentNumber", "category", "termMonths", "priceSom")
    SELECT "importId"::uuid, "rowNumber", "accepted", "reason", "lastName", "firstName", "patronymic", "pin",
      "documentType", "documentNumber", "category", "termMonths", "priceSom"
    FROM UNNEST(${col(rows, "importId")}::text[], ${col(rows, "rowNumber")}::int[], ${col(rows, "accepted")}::boolean[],
      ${col(rows, "reason")}::text[], ${col(rows, "lastName")}::text[], ${col(rows, "firstName")}::text[],
      ${col(rows, "patronymic")}::text[], ${col(rows, "pin")}::text[], ${col(rows, "documentType")}::text[],
      ${col(rows, "documentNumber")}::text[], ${col(rows, "category")}::text[], ${col(rows, "termMonths")}::int[],
      ${col(rows, "priceSom")}::int[])
    AS t("importId", "rowNumber", "accepted", "reason", "lastName", "firstName", "patronymic", "pin", "documentType",
      "documentNumber", "category", "termMonths", "priceSom")`;
}

export type PersonInsert = {
  pin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  sex: string;
  category: string;
  documentType: string;
  documentNumber: string;
};

/** Registers persons by PIN; a PIN registered meanwhile is left as it is (the caller reads the ids back). */
export async function insertPersons(tx: Tx, rows: PersonInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map(() => randomUUID());
  await tx.$executeRaw`INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "patronymic", "birthDate", "sex",
      "category", "documentType", "documentNumber", "updatedAt")
    SELECT "id"::uuid, "pin", "lastName", "firstName", "patronymic", "birthDate"::date, "sex"::"Sex",
      "category"::"Category", "documentType"::"DocumentType", "documentNumber", now()
    FROM UNNEST(${ids}::text[], ${col(rows, "pin")}::text[], ${col(rows, "lastName")}::text[],
      ${col(rows, "firstName")}::text[], ${col(rows, "patronymic")}::text[], ${col(rows, "birthDate")}::text[],
      ${col(rows, "sex")}::text[], ${col(rows, "category")}::text[], ${col(rows, "documentType")}::text[],
      ${col(rows, "documentNumber")}::text[])
    AS t("id", "pin", "lastName", "firstName", "patronymic", "birthDate", "sex", "category", "documentType",
      "documentNumber")
    ON CONFLICT ("pin") DO NOTHING`;
}

export type PolicyInsert = {
  id: string;
  number: string;
  personId: string;
  category: string;
  termMonths: number;
  priceSom: number;
  tariffId: number | null;
  validFrom: string;
  validTo: string;
};

/** ISSUED policies of channel CONTRACT issued by `createdById` for `officeId`. */
export async function insertContractPolicies(
  tx: Tx,
  rows: PolicyInsert[],
  officeId: number,
  createdById: string,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom",
      "tariffId", "status", "validFrom", "validTo", "channel", "officeId", "createdById", "updatedAt")
    SELECT "id"::uuid, "number", "personId"::uuid, "category"::"Category", "termMonths", "priceSom", "tariffId",
      'ISSUED'::"PolicyStatus", "validFrom"::date, "validTo"::date, 'CONTRACT'::"IssueChannel", ${officeId},
      ${createdById}::uuid, now()
    FROM UNNEST(${col(rows, "id")}::text[], ${col(rows, "number")}::text[], ${col(rows, "personId")}::text[],
      ${col(rows, "category")}::text[], ${col(rows, "termMonths")}::int[], ${col(rows, "priceSom")}::int[],
      ${col(rows, "tariffId")}::int[], ${col(rows, "validFrom")}::text[], ${col(rows, "validTo")}::text[])
    AS t("id", "number", "personId", "category", "termMonths", "priceSom", "tariffId", "validFrom", "validTo")`;
}

export type PaymentInsert = { id: string; externalTxnId: string; account: string; amountSom: number; policyId: string };

/** CONFIRMED payments of channel CONTRACT, one per policy (cl. 30, "per person"). */
export async function insertContractPayments(
  tx: Tx,
  rows: PaymentInsert[],
  common: {
    paidAt: Date;
    receivedAt: Date;
    lateDated: boolean;
    payerName: string;
    officeId: number;
    registeredById: string;
  },
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`INSERT INTO "Payment" ("id", "channel", "externalTxnId", "account", "amountSom", "paidAt",
      "receivedAt", "lateDated", "payerName", "status", "policyId", "officeId", "registeredById")
    SELECT "id"::uuid, 'CONTRACT'::"PaymentChannel", "externalTxnId", "account", "amountSom", ${common.paidAt},
      ${common.receivedAt}, ${common.lateDated}, ${common.payerName}, 'CONFIRMED'::"PaymentStatus", "policyId"::uuid, ${common.officeId},
      ${common.registeredById}::uuid
    FROM UNNEST(${col(rows, "id")}::text[], ${col(rows, "externalTxnId")}::text[], ${col(rows, "account")}::text[],
      ${col(rows, "amountSom")}::int[], ${col(rows, "policyId")}::text[])
    AS t("id", "externalTxnId", "account", "amountSom", "policyId")`;
}

export type ContractPersonInsert = { personId: string; policyId: string; rowNumber: number };

export async function insertContractPersons(
  tx: Tx,
  rows: ContractPersonInsert[],
  contractId: string,
  importId: string,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map(() => randomUUID());
  await tx.$executeRaw`INSERT INTO "ContractPerson" ("id", "contractId", "importId", "personId", "policyId",
      "rowNumber")
    SELECT "id"::uuid, ${contractId}::uuid, ${importId}::uuid, "personId"::uuid, "policyId"::uuid, "rowNumber"
    FROM UNNEST(${ids}::text[], ${col(rows, "personId")}::text[], ${col(rows, "policyId")}::text[],
      ${col(rows, "rowNumber")}::int[])
    AS t("id", "personId", "policyId", "rowNumber")`;
}
