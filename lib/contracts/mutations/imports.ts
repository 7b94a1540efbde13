import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { createHash, randomUUID } from "node:crypto";
import { writeAccessDenied, writeAudit, writeAudits, writeJobAudits, type AuditEntry } from "@/lib/audit/mutations";
import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { paidOnDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import { AppError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CONTRACT_PAYMENT_CHANNEL } from "@/lib/payments/channels";
import { nextElectronicPolicyNumbers } from "@/lib/policies/mutations";
import { findTariffRows } from "@/lib/policies/queries";
import {
  bishkekDate,
  checkContractPerson,
  compareDates,
  decidePaymentDate,
  paymentDateWindowDays,
  contractPeriodsOverlap,
  parsePin,
  planContractPurchase,
  readContractRow,
  type CalendarDate,
  type ContractPurchasePlan,
  type ContractRow,
  type ContractRowReason,
  type CoverageInput,
  type CoveragePolicy,
  type ExternalCoverageSource,
  type TariffRow,
} from "@/lib/rules";
import type { TConfirmImport } from "../contract.schema";
import { startJob } from "../jobs";
import {
  insertContractPayments,
  insertContractPersons,
  insertContractPolicies,
  insertImportRows,
  insertPersons,
  type ImportRowInsert,
} from "./bulk-insert";
import {
  CONTRACT_FILE_MAX_BYTES,
  CONTRACT_FILE_MAX_ROWS,
  detectContractFileFormat,
  readContractFile,
  type ContractFileFormat,
  type FileRow,
} from "../read-file";

// A contract's list of persons (cl. 29–31): upload → validation job (every row checked, nothing issued) → preview →
// the clerk confirms the payment → import job (policies issued per person, one transaction per batch). Both jobs run
// in the server process after the request has ended and write their progress to the import row, which the page polls.

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

/** Rows read and checked per round trip to the database while validating. */
const VALIDATION_CHUNK = 1000;
/** Policies issued per transaction (issue 12): a failure rolls back one batch, never half of one. */
const IMPORT_BATCH_SIZE = 500;

const actorOf = (user: { id: string; login: string }) => ({ id: user.id, label: user.login });
const NO_COVERAGE: CoverageInput = { policies: [], external: [] };

function assertClerk(user: StaffUser): asserts user is StaffUser & { officeId: number } {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
}

// ── What the register knows about the persons of some rows ──

type ContractPeriod = { id: string; validFrom: CalendarDate; validTo: CalendarDate };
type Known = {
  /** PIN → the person's id, coverage and contract memberships */
  byPin: Map<string, { id: string; coverage: CoverageInput; inThis: boolean; inOther: boolean }>;
  /** document number → the PIN of the person it is registered to (null: a person without a PIN) */
  documentOwner: Map<string, string | null>;
};

type LookupRow = {
  id: string;
  pin: string;
  policies: { number: string; status: CoveragePolicy["status"]; validFrom: string | null; validTo: string | null }[];
  external: { validFrom: string; validTo: string; source: ExternalCoverageSource }[];
  contracts: { contractId: string; status: string; validFrom: string; validTo: string }[];
};

/**
 * Two queries for a whole chunk: each known PIN's coverage (as the status check reads it: policies and other
 * coverage) and contract memberships, aggregated per person in SQL; and whom each document number is registered to.
 */
async function lookUpPersons(client: Client, rows: ContractRow[], contract: ContractPeriod): Promise<Known> {
  const pins = rows.map((r) => r.pin);
  const documents = rows.map((r) => r.documentNumber);
  // one after the other: inside the payment day's transaction `client` is one connection (pg refuses overlapping
  // queries on one client from v9); a chunk is thousands of rows, so the second round trip costs nothing that shows
  const persons = await client.$queryRaw<LookupRow[]>`SELECT p."id", p."pin",
        COALESCE((SELECT json_agg(json_build_object('number', x."number", 'status', x."status",
          'validFrom', x."validFrom", 'validTo', x."validTo")) FROM "Policy" x WHERE x."personId" = p."id"), '[]')
          AS "policies",
        COALESCE((SELECT json_agg(json_build_object('validFrom', e."validFrom", 'validTo', e."validTo",
          'source', e."source")) FROM "ExternalCoverage" e WHERE e."personId" = p."id"), '[]') AS "external",
        COALESCE((SELECT json_agg(json_build_object('contractId', m."contractId", 'status', c."status",
          'validFrom', c."validFrom", 'validTo', c."validTo"))
          FROM "ContractPerson" m JOIN "Contract" c ON c."id" = m."contractId" WHERE m."personId" = p."id"), '[]')
          AS "contracts"
      FROM "Person" p WHERE p."pin" = ANY(${pins}::bpchar[])`;
  const owners = await client.$queryRaw<{ pin: string | null; documentNumber: string }[]>`SELECT "pin",
      "documentNumber" FROM "Person" WHERE "documentNumber" = ANY(${documents}::text[])`;
  const byPin: Known["byPin"] = new Map();
  for (const p of persons) {
    byPin.set(p.pin, {
      id: p.id,
      coverage: {
        policies: p.policies.map((x) => ({
          number: x.number,
          status: x.status,
          validFrom: x.validFrom?.slice(0, 10) ?? null,
          validTo: x.validTo?.slice(0, 10) ?? null,
        })),
        external: p.external.map((e) => ({
          validFrom: e.validFrom.slice(0, 10),
          validTo: e.validTo.slice(0, 10),
          source: e.source,
        })),
      },
      inThis: p.contracts.some((m) => m.contractId === contract.id),
      // cl. 29 (I36): on another active contract for a period sharing a day with this one
      inOther: p.contracts.some(
        (m) =>
          m.contractId !== contract.id &&
          m.status === "ACTIVE" &&
          contractPeriodsOverlap(contract, { validFrom: m.validFrom.slice(0, 10), validTo: m.validTo.slice(0, 10) }),
      ),
    });
  }
  const documentOwner: Known["documentOwner"] = new Map();
  for (const o of owners) documentOwner.set(o.documentNumber, o.pin);
  return { byPin, documentOwner };
}

type Verdict = { ok: true; priceSom: number } | { ok: false; reason: ContractRowReason };

/** What the register says against a well-formed row: its document, this contract, another one. */
function registerReason(row: ContractRow, known: Known): ContractRowReason | null {
  const owner = known.documentOwner.get(row.documentNumber);
  if (owner !== undefined && owner !== row.pin) return "DOCUMENT_OF_OTHER_PERSON";
  const person = known.byPin.get(row.pin);
  if (person?.inThis) return "ALREADY_IN_CONTRACT";
  if (person?.inOther) return "IN_OTHER_CONTRACT";
  return null;
}

/** The register's checks of a well-formed row, then the rules' (in the order of CONTRACT_ROW_REASONS). */
function judge(row: ContractRow, known: Known, ctx: { on: CalendarDate; tariffs: readonly TariffRow[] }): Verdict {
  const reason = registerReason(row, known);
  if (reason !== null) return { ok: false, reason };
  const check = checkContractPerson(row, { ...ctx, coverage: known.byPin.get(row.pin)?.coverage ?? NO_COVERAGE });
  return check.ok ? { ok: true, priceSom: check.priceSom } : check;
}

// ── Upload ──

export type StartImportInput = { contractId: string; fileName: string; bytes: Uint8Array };

/**
 * Stores an uploaded list and starts its validation; nothing is issued. Refused with a message, changing nothing: a
 * contract not of the clerk's office (audited), a terminated one, a file over the size limit or not CSV/XLSX. The
 * same file (by SHA-256) uploaded to the same contract again opens the earlier result (`reused`): a re-import
 * creates nothing new.
 */
export async function startContractImport(
  user: StaffUser,
  input: StartImportInput,
  today: CalendarDate,
): Promise<{ id: string; reused: boolean }> {
  assertClerk(user);
  const contract = await db.contract.findFirst({
    where: { id: input.contractId, officeId: user.officeId },
    select: { id: true, status: true },
  });
  if (!contract) {
    if (await db.contract.count({ where: { id: input.contractId } })) {
      await writeAccessDenied(actorOf(user), "office.workspace", `Contract:${input.contractId}`);
    }
    throw new AppError("errors.notFound");
  }
  if (contract.status !== "ACTIVE") throw new AppError("contracts.error.contractNotActive");
  if (input.bytes.byteLength === 0) throw new AppError("contracts.error.fileRequired", { field: "file" });
  if (input.bytes.byteLength > CONTRACT_FILE_MAX_BYTES) {
    throw new AppError("contracts.error.fileTooLarge", { field: "file" });
  }
  const format = detectContractFileFormat(input.fileName, input.bytes.subarray(0, 4096));
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  // The progress bar's length while the file is read: a CSV's lines after the header (an XLSX: unknown until read).
  const estimatedRows = format === "CSV" ? Math.max(0, countLines(input.bytes) - 1) : 0;
  const fileName = input.fileName.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 120) || "list";

  const existing = await db.contractImport.findUnique({
    where: { contractId_fileSha256: { contractId: contract.id, fileSha256: sha256 } },
    select: { id: true, status: true, confirmedAt: true },
  });
  if (existing && !(existing.status === "FAILED" && existing.confirmedAt === null)) {
    return { id: existing.id, reused: true };
  }
  let id: string;
  if (existing) {
    // a list that failed validation (unreadable header, too long …) is checked again from the start
    id = existing.id;
    await db.contractImport.update({
      where: { id },
      data: {
        status: "VALIDATING",
        error: null,
        fileData: Buffer.from(input.bytes),
        fileName,
        fileFormat: format,
        totalRows: estimatedRows,
      },
    });
  } else {
    try {
      id = await db.$transaction(async (tx) => {
        const created = await tx.contractImport.create({
          data: {
            contractId: contract.id,
            officeId: user.officeId,
            fileName,
            fileFormat: format,
            fileSha256: sha256,
            fileData: Buffer.from(input.bytes),
            totalRows: estimatedRows,
            createdById: user.id,
          },
          select: { id: true },
        });
        await writeAudit(tx, {
          actor: actorOf(user),
          action: "contract.import.upload",
          entity: "ContractImport",
          entityId: created.id,
          after: { contractId: contract.id, fileName, fileSha256: sha256, bytes: input.bytes.byteLength },
        });
        return created.id;
      });
    } catch (e) {
      // the same file uploaded twice at once: the second opens the first
      if (!isUniqueViolation(e)) throw e;
      const first = await db.contractImport.findUniqueOrThrow({
        where: { contractId_fileSha256: { contractId: contract.id, fileSha256: sha256 } },
        select: { id: true },
      });
      return { id: first.id, reused: true };
    }
  }
  launchValidation(id, today);
  return { id, reused: false };
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}

function failWith(importId: string) {
  return async (code: string) => {
    await db.contractImport.update({ where: { id: importId }, data: { status: "FAILED", error: code } });
  };
}

function launchValidation(importId: string, today: CalendarDate): void {
  startJob(
    importId,
    () => validateContractImport(importId, today),
    () => failWith(importId)("contracts.error.jobFailed"),
  );
}

/**
 * The validation job: reads the stored file as a stream, checks every row (form, duplicates in the file, the
 * register: documents, contracts, coverage on `today`, the tariff) a chunk at a time, and records each row as
 * accepted or rejected with its reason. Ends in PREVIEW (or FAILED with a translated reason for an unreadable file).
 */
async function validateContractImport(importId: string, today: CalendarDate): Promise<void> {
  const imp = await db.contractImport.findUniqueOrThrow({
    where: { id: importId },
    select: {
      status: true,
      fileFormat: true,
      fileData: true,
      contract: { select: { id: true, validFrom: true, validTo: true } },
    },
  });
  if (imp.status !== "VALIDATING" || !imp.fileData) return;
  const contract: ContractPeriod = {
    id: imp.contract.id,
    validFrom: fromDbDate(imp.contract.validFrom),
    validTo: fromDbDate(imp.contract.validTo),
  };
  await db.contractImportRow.deleteMany({ where: { importId } });
  await db.contractImport.update({
    where: { id: importId },
    data: { acceptedRows: 0, rejectedRows: 0, processedRows: 0, amountSom: 0 },
  });
  const tariffs = await findTariffRows();
  const seenPins = new Set<string>();
  const seenDocuments = new Set<string>();
  const totals = { total: 0, accepted: 0, rejected: 0, amount: 0 };

  const flush = async (chunk: FileRow[]) => {
    if (chunk.length === 0) return;
    const read = chunk.map((r) => ({ file: r, read: readContractRow(r.raw, today) }));
    const verdicts = new Map<number, Verdict>();
    const wellFormed: ContractRow[] = [];
    for (const { file, read: r } of read) {
      if (!r.ok) verdicts.set(file.rowNumber, r);
      else if (seenPins.has(r.row.pin) || seenDocuments.has(r.row.documentNumber)) {
        verdicts.set(file.rowNumber, { ok: false, reason: "DUPLICATE_IN_FILE" });
      } else {
        seenPins.add(r.row.pin);
        seenDocuments.add(r.row.documentNumber);
        wellFormed.push(r.row);
      }
    }
    const known = await lookUpPersons(db, wellFormed, contract);
    const data: ImportRowInsert[] = read.map(({ file, read: r }) => {
      const verdict =
        verdicts.get(file.rowNumber) ?? judge((r as { row: ContractRow }).row, known, { on: today, tariffs });
      const row = r.ok ? r.row : null;
      if (verdict.ok) {
        totals.accepted++;
        totals.amount += verdict.priceSom;
      } else totals.rejected++;
      return {
        importId,
        rowNumber: file.rowNumber,
        accepted: verdict.ok,
        reason: verdict.ok ? null : verdict.reason,
        lastName: (row?.lastName ?? file.raw.lastName.trim()).slice(0, 200),
        firstName: (row?.firstName ?? file.raw.firstName.trim()).slice(0, 200),
        patronymic: (row ? row.patronymic : file.raw.patronymic.trim() || null)?.slice(0, 200) ?? null,
        pin: (row?.pin ?? file.raw.pin.trim()).slice(0, 40),
        documentType: row?.documentType ?? file.raw.documentType.trim().slice(0, 40),
        documentNumber: (row?.documentNumber ?? file.raw.documentNumber.trim()).slice(0, 40),
        category: row?.category ?? file.raw.category.trim().slice(0, 40),
        termMonths: row?.termMonths ?? 0,
        priceSom: verdict.ok ? verdict.priceSom : null,
      };
    });
    await db.$transaction((tx) => insertImportRows(tx, data));
    await db.contractImport.update({
      where: { id: importId },
      data: { processedRows: totals.total, acceptedRows: totals.accepted, rejectedRows: totals.rejected },
    });
  };

  try {
    let chunk: FileRow[] = [];
    for await (const row of readContractFile(imp.fileFormat as ContractFileFormat, imp.fileData)) {
      totals.total++;
      if (totals.total > CONTRACT_FILE_MAX_ROWS) throw new AppError("contracts.error.tooManyRows");
      chunk.push(row);
      if (chunk.length >= VALIDATION_CHUNK) {
        await flush(chunk);
        chunk = [];
      }
    }
    await flush(chunk);
    if (totals.total === 0) throw new AppError("contracts.error.empty");
  } catch (e) {
    if (!isAppError(e)) throw e;
    await db.contractImportRow.deleteMany({ where: { importId } });
    await failWith(importId)(e.code);
    return;
  }
  await db.contractImport.update({
    where: { id: importId },
    data: {
      status: "PREVIEW",
      totalRows: totals.total,
      processedRows: totals.total,
      acceptedRows: totals.accepted,
      rejectedRows: totals.rejected,
      amountSom: totals.amount,
    },
  });
}

// ── Confirmation and issue ──

/**
 * A legal entity's transfer as a payment date (issue 11, hole 4; interpretation I33): the clerk types its day, the
 * confirmation is when it reached us. A transfer dated more than PAYMENT_DATE_WINDOW_DAYS before the confirmation
 * counts from the confirmation — its policies cannot start in the past, so a clerk alone cannot back-date coverage —
 * and its payment rows are flagged `lateDated` for reconciliation. Decided at the confirmation and kept on the import
 * (`lateDated`), which the job reads back.
 */
function contractPaymentDates(paymentDay: CalendarDate, confirmedAt: Date, decidedLate?: boolean) {
  const paidAt = paidOnDay(paymentDay, confirmedAt);
  const decided = decidePaymentDate({
    paidAt,
    receivedAt: confirmedAt,
    windowDays: paymentDateWindowDays(process.env.PAYMENT_DATE_WINDOW_DAYS),
  });
  // a day not after today (checked by the caller) is not in the future now
  if (!decided.ok) throw new AppError("contracts.error.paymentDate", { field: "paymentDate" });
  // the job takes the confirmation's decision (ContractImport.lateDated), whatever the window is by then
  const lateDated = decidedLate ?? decided.lateDated;
  return { paidAt, receivedAt: confirmedAt, countsFrom: lateDated ? confirmedAt : paidAt, lateDated };
}

async function findOwnImport(user: StaffUser & { officeId: number }, importId: string) {
  const imp = await db.contractImport.findFirst({
    where: { id: importId, officeId: user.officeId },
    include: { contract: true },
  });
  if (!imp) {
    if (await db.contractImport.count({ where: { id: importId } })) {
      await writeAccessDenied(actorOf(user), "office.workspace", `ContractImport:${importId}`);
    }
    throw new AppError("errors.notFound");
  }
  return imp;
}

/**
 * The clerk confirms a checked list with the legal entity's payment (cl. 30): one bank transfer for everyone
 * (recorded now, amount = the accepted rows' tariffs) or one payment per person (recorded with each policy). The
 * payment day is not after today and within the contract. Then the import job issues the policies.
 */
export async function confirmContractImport(
  user: StaffUser,
  input: TConfirmImport,
  today: CalendarDate,
): Promise<{ id: string }> {
  assertClerk(user);
  const imp = await findOwnImport(user, input.importId);
  if (imp.status !== "PREVIEW") throw new AppError("contracts.error.notPreview");
  if (imp.acceptedRows === 0) throw new AppError("contracts.error.nothingToImport");
  const contractFrom = fromDbDate(imp.contract.validFrom);
  const contractTo = fromDbDate(imp.contract.validTo);
  if (
    compareDates(input.paymentDate, today) > 0 ||
    compareDates(input.paymentDate, contractFrom) < 0 ||
    compareDates(input.paymentDate, contractTo) > 0
  ) {
    throw new AppError("contracts.error.paymentDate", { field: "paymentDate" });
  }
  const confirmedAt = new Date();
  const dates = contractPaymentDates(input.paymentDate, confirmedAt);
  const paidAt = dates.paidAt;
  try {
    await db.$transaction(async (tx) => {
      const sum = await tx.contractImportRow.aggregate({
        where: { importId: imp.id, accepted: true },
        _sum: { priceSom: true },
      });
      const amountSom = sum._sum.priceSom ?? 0;
      let paymentId: string | null = null;
      if (input.paymentMode === "WHOLE") {
        const payment = await tx.payment.create({
          data: {
            channel: CONTRACT_PAYMENT_CHANNEL,
            externalTxnId: input.paymentReference,
            account: imp.contract.registrationNumber,
            amountSom,
            paidAt,
            receivedAt: confirmedAt,
            lateDated: dates.lateDated,
            payerName: imp.contract.entityName,
            status: "CONFIRMED",
            officeId: user.officeId,
            registeredById: user.id,
          },
          select: { id: true },
        });
        paymentId = payment.id;
      }
      // the status in the `where`: two confirmations at once, and only one goes through
      const claimed = await tx.contractImport.updateMany({
        where: { id: imp.id, status: "PREVIEW" },
        data: {
          status: "IMPORTING",
          paymentMode: input.paymentMode,
          paymentReference: input.paymentReference,
          paymentDate: toDbDate(input.paymentDate),
          lateDated: dates.lateDated,
          amountSom,
          paymentId,
          processedRows: 0,
          confirmedAt,
        },
      });
      if (claimed.count !== 1) throw new AppError("contracts.error.notPreview");
      await writeAudits(tx, [
        {
          actor: actorOf(user),
          action: "contract.import.confirm",
          entity: "ContractImport",
          entityId: imp.id,
          after: {
            contractId: imp.contractId,
            paymentMode: input.paymentMode,
            paymentReference: input.paymentReference,
            paymentDate: input.paymentDate,
            ...(dates.lateDated ? { lateDated: true, coverageCountsFrom: bishkekDate(dates.countsFrom) } : {}),
            acceptedRows: imp.acceptedRows,
            amountSom,
          },
        },
        ...(paymentId
          ? [
              {
                actor: actorOf(user),
                action: "payment.register",
                entity: "Payment",
                entityId: paymentId,
                after: {
                  channel: "CONTRACT",
                  externalTxnId: input.paymentReference,
                  amountSom,
                  contractId: imp.contractId,
                },
              },
            ]
          : []),
      ]);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("contracts.error.referenceTaken", { field: "paymentReference" });
    throw e;
  }
  launchImport(imp.id);
  return { id: imp.id };
}

/** Starts the job again for a list whose job stopped (the server restarted) or whose import failed. */
export async function resumeContractImport(
  user: StaffUser,
  importId: string,
  today: CalendarDate,
): Promise<{ id: string }> {
  assertClerk(user);
  const imp = await findOwnImport(user, importId);
  if (imp.status === "VALIDATING") launchValidation(imp.id, today);
  else if (imp.status === "IMPORTING" || (imp.status === "FAILED" && imp.confirmedAt !== null)) {
    await db.contractImport.update({ where: { id: imp.id }, data: { status: "IMPORTING", error: null } });
    launchImport(imp.id);
  }
  return { id: imp.id };
}

function launchImport(importId: string): void {
  startJob(
    importId,
    () => runContractImport(importId),
    () => failWith(importId)("contracts.error.jobFailed"),
  );
}

type ImportContext = {
  importId: string;
  contract: ContractPeriod & { officeId: number; entityName: string };
  mode: "WHOLE" | "PER_PERSON";
  reference: string;
  /** the Bishkek day the policies are sold on (their numbers' day): the day `countsFrom` falls on */
  paymentDay: CalendarDate;
  /** the legal entity's transfer as dated, what its payment rows say */
  paidAt: Date;
  /** the instant the policies count from (cl. 5): the transfer's, or the confirmation's when it was late (I33) */
  countsFrom: Date;
  receivedAt: Date;
  lateDated: boolean;
  actor: { id: string; label: string };
  createdById: string;
  tariffs: (TariffRow & { id: number })[];
};

/**
 * The import job: the accepted rows in file order, IMPORT_BATCH_SIZE per transaction. Each batch locks its persons,
 * checks them again on the payment day (someone may have bought a policy since the preview: that row is rejected
 * now, with its reason), registers the persons the register lacks, and issues each a policy dated by the rules'
 * sale (planPurchase: payment + 5 days, cl. 5), its payment (per person) and its audit rows. `ContractPerson` is
 * unique per contract and person, so a batch run twice (a resumed job) cannot issue twice.
 */
async function runContractImport(importId: string): Promise<void> {
  const imp = await db.contractImport.findUniqueOrThrow({ where: { id: importId }, include: { contract: true } });
  if (imp.status !== "IMPORTING" || !imp.paymentMode || !imp.paymentDate || !imp.paymentReference) return;
  const dates = contractPaymentDates(fromDbDate(imp.paymentDate), imp.confirmedAt ?? new Date(), imp.lateDated);
  const paymentDay = bishkekDate(dates.countsFrom);
  const ctx: ImportContext = {
    importId,
    contract: {
      id: imp.contractId,
      validFrom: fromDbDate(imp.contract.validFrom),
      validTo: fromDbDate(imp.contract.validTo),
      officeId: imp.officeId,
      entityName: imp.contract.entityName,
    },
    mode: imp.paymentMode,
    reference: imp.paymentReference,
    paymentDay,
    paidAt: dates.paidAt,
    countsFrom: dates.countsFrom,
    receivedAt: dates.receivedAt,
    lateDated: dates.lateDated,
    actor: { id: imp.createdById, label: `contract-import:${importId.slice(0, 8)}` },
    createdById: imp.createdById,
    tariffs: await findTariffRows(),
  };
  const last = await db.contractPerson.aggregate({ where: { importId }, _max: { rowNumber: true } });
  let cursor = last._max.rowNumber ?? 0;
  for (;;) {
    const rows = await db.contractImportRow.findMany({
      where: { importId, accepted: true, rowNumber: { gt: cursor } },
      orderBy: { rowNumber: "asc" },
      take: IMPORT_BATCH_SIZE,
    });
    if (rows.length === 0) break;
    await db.$transaction((tx) => issueBatch(tx, ctx, rows), { timeout: 120_000, maxWait: 30_000 });
    cursor = rows[rows.length - 1]!.rowNumber;
  }
  // rows rejected on the payment day (insured since the preview) now count as rejected
  const [issued, accepted, rejected] = await Promise.all([
    db.contractPerson.count({ where: { importId } }),
    db.contractImportRow.count({ where: { importId, accepted: true } }),
    db.contractImportRow.count({ where: { importId, accepted: false } }),
  ]);
  await db.contractImport.update({
    where: { id: importId },
    data: {
      status: "DONE",
      issuedRows: issued,
      acceptedRows: accepted,
      rejectedRows: rejected,
      finishedAt: new Date(),
      fileData: null,
    },
  });
}

type StoredRow = Prisma.ContractImportRowGetPayload<object>;

function contractRowOf(r: StoredRow): ContractRow {
  const pin = parsePin(r.pin);
  if (!pin.ok) throw new Error(`stored row ${r.id} has a bad PIN`);
  return {
    lastName: r.lastName,
    firstName: r.firstName,
    patronymic: r.patronymic,
    pin: r.pin,
    birthDate: pin.birthDate,
    sex: pin.sex,
    documentType: r.documentType as ContractRow["documentType"],
    documentNumber: r.documentNumber,
    category: r.category as ContractRow["category"],
    termMonths: r.termMonths,
  };
}

async function issueBatch(tx: Tx, ctx: ImportContext, stored: StoredRow[]): Promise<void> {
  const pins = stored.map((r) => r.pin);
  // Payments of other channels for the same persons wait for this batch, and this batch for them (lib/people).
  // bpchar[]: "pin" is CHAR(14); compared as text it would not use its unique index
  await tx.$queryRaw`SELECT 1 FROM "Person" WHERE "pin" = ANY(${pins}::bpchar[]) ORDER BY "pin" FOR UPDATE`;
  const rows = stored.map(contractRowOf);
  const known = await lookUpPersons(tx, rows, ctx.contract);

  type Planned = { stored: StoredRow; row: ContractRow; plan: Extract<ContractPurchasePlan, { ok: true }>["plan"] };
  const planned: Planned[] = [];
  const dropped: { id: bigint; reason: ContractRowReason }[] = [];
  rows.forEach((row, i) => {
    // the same checks as the preview's, now on the payment day, and the rules' sale (cl. 5: payment + 5 days)
    const reason = registerReason(row, known);
    const sale =
      reason === null
        ? planContractPurchase(row, {
            paidAt: ctx.countsFrom,
            coverage: known.byPin.get(row.pin)?.coverage ?? NO_COVERAGE,
            tariffs: ctx.tariffs,
          })
        : ({ ok: false, reason } as const);
    if (!sale.ok) dropped.push({ id: stored[i]!.id, reason: sale.reason });
    else planned.push({ stored: stored[i]!, row, plan: sale.plan });
  });
  for (const d of dropped) {
    await tx.contractImportRow.update({ where: { id: d.id }, data: { accepted: false, reason: d.reason } });
  }

  // Persons the register lacks: the PIN carries birth date and sex (SPEC §8), as lib/people writes them.
  const missing = planned.filter((p) => !known.byPin.has(p.row.pin));
  await insertPersons(
    tx,
    missing.map(({ row }) => ({
      pin: row.pin,
      lastName: row.lastName,
      firstName: row.firstName,
      patronymic: row.patronymic,
      birthDate: row.birthDate,
      sex: row.sex,
      category: row.category,
      documentType: row.documentType,
      documentNumber: row.documentNumber,
    })),
  );
  const ids = new Map(
    (
      await tx.person.findMany({
        where: { pin: { in: planned.map((p) => p.row.pin) } },
        select: { id: true, pin: true },
      })
    ).map((p) => [p.pin!, p.id]),
  );
  const numbers = await nextElectronicPolicyNumbers(tx, ctx.paymentDay, planned.length);
  const tariffId = (plan: Planned["plan"]) =>
    ctx.tariffs.find(
      (t) =>
        plan.tariff !== null &&
        t.category === plan.tariff.category &&
        t.termMonths === plan.tariff.termMonths &&
        t.effectiveFrom === plan.tariff.effectiveFrom,
    )?.id ?? null;
  const issued = planned.map((p, i) => ({
    ...p,
    personId: ids.get(p.row.pin)!,
    policyId: randomUUID(),
    paymentId: ctx.mode === "PER_PERSON" ? randomUUID() : null,
    number: numbers[i]!,
  }));
  await insertContractPolicies(
    tx,
    issued.map((x) => ({
      id: x.policyId,
      number: x.number,
      personId: x.personId,
      category: x.plan.category,
      termMonths: x.plan.termMonths,
      priceSom: x.plan.priceSom,
      tariffId: tariffId(x.plan),
      validFrom: x.plan.validFrom,
      validTo: x.plan.validTo,
    })),
    ctx.contract.officeId,
    ctx.createdById,
  );
  if (ctx.mode === "PER_PERSON") {
    await insertContractPayments(
      tx,
      issued.map((x) => ({
        id: x.paymentId!,
        // a transfer per person: the transfer's reference and the person's line of the list
        externalTxnId: `${ctx.reference}/${x.stored.rowNumber}`,
        account: x.row.pin,
        amountSom: x.plan.priceSom,
        policyId: x.policyId,
      })),
      {
        paidAt: ctx.paidAt,
        receivedAt: ctx.receivedAt,
        lateDated: ctx.lateDated,
        payerName: ctx.contract.entityName,
        officeId: ctx.contract.officeId,
        registeredById: ctx.createdById,
      },
    );
  }
  await insertContractPersons(
    tx,
    issued.map((x) => ({ personId: x.personId, policyId: x.policyId, rowNumber: x.stored.rowNumber })),
    ctx.contract.id,
    ctx.importId,
  );
  const audits: AuditEntry[] = issued.flatMap((x) => [
    {
      actor: ctx.actor,
      action: "policy.issue",
      entity: "Policy",
      entityId: x.policyId,
      after: {
        number: x.number,
        personId: x.personId,
        category: x.plan.category,
        termMonths: x.plan.termMonths,
        priceSom: x.plan.priceSom,
        validFrom: x.plan.validFrom,
        validTo: x.plan.validTo,
        contractId: ctx.contract.id,
        importId: ctx.importId,
        rowNumber: x.stored.rowNumber,
      },
    },
    ...(x.paymentId
      ? [
          {
            actor: ctx.actor,
            action: "payment.register",
            entity: "Payment",
            entityId: x.paymentId,
            after: {
              channel: "CONTRACT",
              externalTxnId: `${ctx.reference}/${x.stored.rowNumber}`,
              amountSom: x.plan.priceSom,
              policyNumber: x.number,
            },
          },
        ]
      : []),
  ]);
  await writeJobAudits(tx, audits);
  await tx.contractImport.update({
    where: { id: ctx.importId },
    data: {
      processedRows: { increment: stored.length },
      issuedRows: { increment: issued.length },
    },
  });
}
