import "server-only";
import { randomUUID } from "node:crypto";
import { writeAccessDenied, writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { canApproveRefund, canDecideRefundCase, canPrepareRefund, type StaffUser } from "@/lib/auth/permissions";
import { db, MONEY_TX_OPTIONS, sqlOn } from "@/lib/db";
import { fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import type { PaymentChannel, Prisma, RefundGround } from "@/lib/generated/prisma/client";
import { findOrCreatePersonForUpdate, lockPeople } from "@/lib/people/mutations";
import { nextElectronicPolicyNumber } from "@/lib/policies/mutations";
import { findCoverage, findTariffRows } from "@/lib/policies/queries";
import { bishkekDate, checkReissue, compareDates, type CalendarDate } from "@/lib/rules";
import { checkUpload, maxUploadBytes } from "@/lib/storage/file-type";
import { fileStorage } from "@/lib/storage/mutations";
import type { TRefundCaseDetailsInput, TReissueInput } from "./case.schema";
import { assessRefundCase } from "./queries";

type Tx = Prisma.TransactionClient;

const actorOf = (user: StaffUser): AuditActor => ({ id: user.id, label: user.login });

/** R-<year>-<serial>: a sequence hands the serials out without a lock (a rolled-back case leaves a gap). */
async function nextCaseNumber(tx: Tx, today: CalendarDate): Promise<string> {
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"refund_case_number_seq"') AS n`;
  return `R-${today.slice(0, 4)}-${String(rows[0]!.n).padStart(6, "0")}`;
}

/** The ТУ's outgoing number of its letter to the Budget Planning Department: <office code>-<year>-<serial>. */
async function nextLetterNumber(tx: Tx, officeCode: string, today: CalendarDate): Promise<string> {
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"refund_letter_number_seq"') AS n`;
  return `${officeCode}-${today.slice(0, 4)}-${String(rows[0]!.n).padStart(5, "0")}`;
}

export type SystemRefundSource = {
  ground: Extract<RefundGround, "REFUSED_BY_RULES" | "LATE_CONFIRMATION" | "DUPLICATE_PAYMENT">;
  /** "order:<id>" or "txn:<channel>:<id>": the database keeps one case per source */
  sourceKey: string;
  orderId: string | null;
  channel: PaymentChannel;
  providerTxnId: string;
  amountSom: number;
  reason: string;
  today: CalendarDate;
  actor: AuditActor;
};

/**
 * A case the system opens by itself (money received that no policy came of): it goes straight to the Fund (SENT),
 * there is no ТУ letter to write. Idempotent by `sourceKey` — a repeated notification finds the case that exists.
 * Runs in the caller's transaction, so the order's state and its case commit together.
 */
export async function openSystemRefundCase(tx: Tx, s: SystemRefundSource): Promise<{ created: boolean }> {
  if (!(s.amountSom > 0)) return { created: false };
  const existing = await tx.refundCase.findUnique({ where: { sourceKey: s.sourceKey }, select: { id: true } });
  if (existing) return { created: false };
  const number = await nextCaseNumber(tx, s.today);
  // ON CONFLICT: two notifications committing at once — the unique sourceKey keeps one, the other is a no-op.
  const inserted = await tx.$executeRaw`
    INSERT INTO "RefundCase" ("id", "number", "ground", "state", "sourceKey", "orderId", "channel", "providerTxnId",
                              "amountSom", "reason", "sentAt", "updatedAt")
    VALUES (${randomUUID()}::uuid, ${number}, ${s.ground}::"RefundGround", 'SENT', ${s.sourceKey},
            ${s.orderId}::uuid, ${s.channel}::"PaymentChannel", ${s.providerTxnId}, ${s.amountSom}, ${s.reason},
            now(), now())
    ON CONFLICT ("sourceKey") DO NOTHING`;
  if (inserted === 1) {
    await writeAudit(tx, {
      actor: s.actor,
      action: "refund.opened_by_system",
      entity: "RefundCase",
      entityId: number,
      after: { ground: s.ground, state: "SENT", sourceKey: s.sourceKey, amountSom: s.amountSom, reason: s.reason },
    });
  }
  return { created: inserted === 1 };
}

/** A second confirmed payment for an order already paid (cl. 20–21: one payment, one policy): into the queue. */
export async function recordDuplicatePayment(s: Omit<SystemRefundSource, "ground" | "sourceKey">) {
  return db.$transaction(
    (tx) =>
      openSystemRefundCase(tx, {
        ...s,
        ground: "DUPLICATE_PAYMENT",
        sourceKey: `txn:${s.channel}:${s.providerTxnId}`,
      }),
    MONEY_TX_OPTIONS,
  );
}

/**
 * A ТУ clerk opens a refund case for the policy on the claimant's receipt (cl. 32–33). The case is the clerk's
 * office's draft; the payment is the policy's confirmed money. A policy already claimed (a live case) cannot be
 * claimed twice (a partial unique index in the database).
 */
export async function openOfficeRefundCase(user: StaffUser, policyNumber: string, today: CalendarDate) {
  if (!canPrepareRefund(user)) throw new AppError("errors.forbidden");
  return db.$transaction(async (tx) => {
    const policy = await tx.policy.findUnique({
      where: { number: policyNumber },
      select: {
        id: true,
        number: true,
        status: true,
        payments: { where: { status: "CONFIRMED" }, select: { id: true, amountSom: true }, orderBy: { paidAt: "asc" } },
      },
    });
    if (!policy) throw new AppError("refunds.errors.policyNotFound", { field: "policyNumber" });
    const paidSom = policy.payments.reduce((sum, p) => sum + p.amountSom, 0);
    if (policy.payments.length === 0 || paidSom <= 0) {
      throw new AppError("refunds.errors.nothingPaid", { field: "policyNumber" });
    }
    const live = await tx.refundCase.findFirst({
      where: { policyId: policy.id, state: { not: "REJECTED" } },
      select: { number: true },
    });
    if (live) throw new AppError("refunds.errors.alreadyClaimed", { field: "policyNumber", values: live });
    const number = await nextCaseNumber(tx, today);
    const created = await tx.refundCase.create({
      data: {
        number,
        ground: "ALREADY_INSURED",
        state: "DRAFT",
        officeId: user.officeId,
        policyId: policy.id,
        paymentId: policy.payments[0]!.id,
        amountSom: paidSom,
        claimDate: toDbDate(today),
        preparedById: user.id,
      },
      select: { id: true, number: true },
    });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "refund.draft_opened",
      entity: "RefundCase",
      entityId: created.number,
      after: { state: "DRAFT", policy: policy.number, amountSom: paidSom, officeId: user.officeId },
    });
    return created;
  }, MONEY_TX_OPTIONS);
}

/**
 * Outside any transaction (an audit row must survive the refusal, and PGlite has one connection): another office's
 * case answers "not found" like a missing one, and the attempt is audited.
 */
async function ensureOfficeCase(user: StaffUser, caseId: string): Promise<void> {
  if (!canPrepareRefund(user)) throw new AppError("errors.forbidden");
  const found = await db.refundCase.findUnique({ where: { id: caseId }, select: { officeId: true } });
  if (found && found.officeId === user.officeId) return;
  if (found) await writeAccessDenied(actorOf(user), "refund.prepare", `RefundCase:${caseId}`);
  throw new AppError("refunds.errors.notFound");
}

/** The office's own draft, locked for the transaction (changes to one case are made one after the other). */
async function lockOfficeDraft(tx: Tx, user: StaffUser, caseId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "RefundCase" WHERE "id" = ${caseId}::uuid AND "officeId" = ${user.officeId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("refunds.errors.notFound");
  const row = await tx.refundCase.findUniqueOrThrow({ where: { id: caseId } });
  if (row.state !== "DRAFT") throw new AppError("refunds.errors.notDraft");
  return row;
}

/** The claim's details as the claimant gives them (cl. 32–33); the rules judge them when the case is sent. */
export async function saveRefundCaseDetails(user: StaffUser, input: TRefundCaseDetailsInput, today: CalendarDate) {
  if (compareDates(input.claimDate, today) > 0)
    throw new AppError("refunds.errors.claimDateFuture", { field: "claimDate" });
  if (input.deathDate && compareDates(input.deathDate, today) > 0) {
    throw new AppError("refunds.errors.deathDateFuture", { field: "deathDate" });
  }
  await ensureOfficeCase(user, input.caseId);
  return db.$transaction(async (tx) => {
    const before = await lockOfficeDraft(tx, user, input.caseId);
    const data = {
      ground: input.ground,
      claimantRelation: input.claimantRelation,
      claimantName: input.claimantName,
      claimantDocument: input.claimantDocument,
      claimDate: toDbDate(input.claimDate),
      deathDate: input.ground === "DEATH" && input.deathDate ? toDbDate(input.deathDate) : null,
      otherCoverage: input.ground === "ALREADY_INSURED" ? input.otherCoverage || null : null,
      bankName: input.bankName,
      bankAccount: input.bankAccount,
    };
    await tx.refundCase.update({ where: { id: before.id }, data });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "refund.details_saved",
      entity: "RefundCase",
      entityId: before.number,
      before: { ground: before.ground, claimantRelation: before.claimantRelation },
      // the bank account and the claimant's document stay out of the log: personal data
      after: { ground: input.ground, claimantRelation: input.claimantRelation, claimDate: input.claimDate },
    });
  }, MONEY_TX_OPTIONS);
}

const UPLOAD_ERRORS = {
  EMPTY: "refunds.errors.fileEmpty",
  TOO_LARGE: "refunds.errors.fileTooLarge",
  WRONG_TYPE: "refunds.errors.fileWrongType",
} as const;

/**
 * A document of cl. 33 attached to a draft: checked by content (PDF/JPEG/PNG), size-limited, hashed (SHA-256), and
 * stored through the installation's file storage in the same transaction as its record (PostgreSQL storage).
 */
export async function addRefundDocument(
  user: StaffUser,
  input: { caseId: string; code: string; fileName: string; bytes: Uint8Array },
) {
  const check = checkUpload(input.bytes);
  if (!check.ok) {
    throw new AppError(UPLOAD_ERRORS[check.reason], {
      field: "file",
      values: { maxMb: Math.floor(maxUploadBytes() / 1024 / 1024) },
    });
  }
  await ensureOfficeCase(user, input.caseId);
  const storage = fileStorage();
  const key = `refunds/${input.caseId}/${randomUUID()}`;
  const fileName = input.fileName.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 120) || "document";
  return db.$transaction(async (tx) => {
    const refundCase = await lockOfficeDraft(tx, user, input.caseId);
    await storage.put(tx, key, input.bytes, check.contentType);
    const doc = await tx.refundDocument.create({
      data: {
        caseId: refundCase.id,
        code: input.code,
        fileName,
        contentType: check.contentType,
        sizeBytes: check.sizeBytes,
        sha256: check.sha256,
        storageKey: key,
        uploadedById: user.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "refund.document_added",
      entity: "RefundCase",
      entityId: refundCase.number,
      after: { code: input.code, contentType: check.contentType, sizeBytes: check.sizeBytes, sha256: check.sha256 },
    });
    return doc;
  }, MONEY_TX_OPTIONS);
}

/**
 * Draft → sent: only when the rules say the claim is eligible (cl. 32) and every document of cl. 33 is attached.
 * The case gets the ТУ's outgoing number; the letter (PDF) is printed from it.
 */
export async function sendRefundCase(user: StaffUser, caseId: string, today: CalendarDate) {
  await ensureOfficeCase(user, caseId);
  const assessment = await assessRefundCase(user, caseId);
  if (!assessment) throw new AppError("refunds.errors.notFound");
  if (!assessment.ok) throw new AppError("refunds.errors.notEligible");
  if (assessment.missing.length > 0) throw new AppError("refunds.errors.documentsMissing");
  return db.$transaction(async (tx) => {
    const refundCase = await lockOfficeDraft(tx, user, caseId);
    const office = await tx.territorialOffice.findUniqueOrThrow({ where: { id: user.officeId! } });
    const outgoingNumber = await nextLetterNumber(tx, office.code, today);
    await tx.refundCase.update({
      where: { id: refundCase.id },
      data: { state: "SENT", sentAt: new Date(), outgoingNumber, amountSom: assessment.amountSom },
    });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "refund.sent",
      entity: "RefundCase",
      entityId: refundCase.number,
      before: { state: "DRAFT" },
      after: { state: "SENT", outgoingNumber, amountSom: assessment.amountSom },
    });
    return { outgoingNumber };
  }, MONEY_TX_OPTIONS);
}

/**
 * The Fund's decision (cl. 32): sent → approved or rejected, by a refund officer who did not prepare the case. The
 * state change is one conditional UPDATE (`WHERE state = 'SENT'`), so of two concurrent clicks exactly one moves the
 * case; the other finds nothing to change. An approval ends the policy's coverage (REFUNDED) and records the refunded
 * amount on its payments, in the same transaction.
 */
export async function decideRefundCase(
  user: StaffUser,
  input: { caseId: string; decision: "APPROVE" | "REJECT"; note: string },
) {
  if (!canApproveRefund(user)) throw new AppError("errors.forbidden");
  const found = await db.refundCase.findUnique({
    where: { id: input.caseId },
    select: { number: true, state: true, preparedById: true },
  });
  if (!found || found.state === "DRAFT") throw new AppError("refunds.errors.notFound");
  // Refused (and audited) outside the transaction; the database refuses it too, whatever this check says.
  if (!canDecideRefundCase(user, found)) {
    await writeAccessDenied(actorOf(user), "refund.approve", `RefundCase:${found.number}:own`);
    throw new AppError("refunds.errors.ownCase");
  }
  return db.$transaction(async (tx) => {
    const refundCase = await tx.refundCase.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { id: true, number: true, policyId: true, amountSom: true },
    });
    // the holder before the policy, as a payment locks them (lockPeople)
    if (input.decision === "APPROVE" && refundCase.policyId)
      await lockPeople(sqlOn(tx), { holdersOf: { policyIds: [refundCase.policyId] } });
    const state = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
    const moved = await tx.refundCase.updateMany({
      where: { id: refundCase.id, state: "SENT" },
      data: { state, decidedById: user.id, decidedAt: new Date(), decisionNote: input.note || null },
    });
    if (moved.count !== 1) throw new AppError("refunds.errors.notSent");
    if (state === "APPROVED" && refundCase.policyId) {
      const policy = await tx.policy.update({
        where: { id: refundCase.policyId },
        data: { status: "REFUNDED" },
        select: { number: true, payments: { where: { status: "CONFIRMED" }, select: { id: true, amountSom: true } } },
      });
      for (const p of policy.payments) {
        await tx.payment.update({ where: { id: p.id }, data: { status: "REFUNDED", refundedSom: p.amountSom } });
      }
      await writeAudit(tx, {
        actor: actorOf(user),
        action: "policy.refunded",
        entity: "Policy",
        entityId: policy.number,
        before: { status: "ISSUED" },
        after: { status: "REFUNDED", refundCase: refundCase.number, payments: policy.payments.map((p) => p.id) },
      });
    }
    await writeAudit(tx, {
      actor: actorOf(user),
      action: state === "APPROVED" ? "refund.approved" : "refund.rejected",
      entity: "RefundCase",
      entityId: refundCase.number,
      before: { state: "SENT" },
      after: { state, note: input.note || null, amountSom: refundCase.amountSom },
    });
    return { state };
  }, MONEY_TX_OPTIONS);
}

/** After the treasury transfer (cl. 35: recorded, not modelled): approved → paid, with its reference and date. */
export async function recordRefundTransfer(
  user: StaffUser,
  input: { caseId: string; treasuryRef: string; treasuryDate: CalendarDate },
  today: CalendarDate,
) {
  if (!canApproveRefund(user)) throw new AppError("errors.forbidden");
  if (compareDates(input.treasuryDate, today) > 0) {
    throw new AppError("refunds.errors.treasuryDateFuture", { field: "treasuryDate" });
  }
  return db.$transaction(async (tx) => {
    const refundCase = await tx.refundCase.findUnique({ where: { id: input.caseId }, select: { number: true } });
    if (!refundCase) throw new AppError("refunds.errors.notFound");
    const moved = await tx.refundCase.updateMany({
      where: { id: input.caseId, state: "APPROVED" },
      data: {
        state: "PAID",
        treasuryRef: input.treasuryRef,
        treasuryDate: toDbDate(input.treasuryDate),
        paidRecordedById: user.id,
      },
    });
    if (moved.count !== 1) throw new AppError("refunds.errors.notApproved");
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "refund.paid",
      entity: "RefundCase",
      entityId: refundCase.number,
      before: { state: "APPROVED" },
      after: { state: "PAID", treasuryRef: input.treasuryRef, treasuryDate: input.treasuryDate },
    });
  }, MONEY_TX_OPTIONS);
}

/**
 * Re-issue instead of a refund (cl. 34; SPEC §6, I10): the payer of a policy bought for someone found insured
 * transfers it to another, uninsured person. In one transaction: the rules decide (`checkReissue`); the old policy
 * becomes REISSUED (it covers its former holder no longer); the new holder gets a policy of the same term and price,
 * effective from the re-issue day, that names the policy it came from; both changes are audited.
 */
export async function reissuePolicy(user: StaffUser, input: TReissueInput, today: CalendarDate) {
  if (!canPrepareRefund(user)) throw new AppError("errors.forbidden");
  return db.$transaction(async (tx) => {
    // the holder and the new holder before the policy, in the order of every path that locks people (lockPeople)
    await lockPeople(sqlOn(tx), { holdersOf: { policyNumbers: [input.policyNumber] }, pins: [input.newPin] });
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Policy" WHERE "number" = ${input.policyNumber} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("refunds.errors.policyNotFound", { field: "policyNumber" });
    const policy = await tx.policy.findUniqueOrThrow({
      where: { id: locked[0]!.id },
      include: { payments: { where: { status: "CONFIRMED" }, orderBy: { paidAt: "asc" } } },
    });
    const payment = policy.payments[0];
    if (!payment) throw new AppError("refunds.errors.nothingPaid", { field: "policyNumber" });
    if (await tx.refundCase.count({ where: { policyId: policy.id, state: { not: "REJECTED" } } })) {
      throw new AppError("refunds.errors.reissueAfterClaim", { field: "policyNumber" });
    }
    const newHolder = await findOrCreatePersonForUpdate(sqlOn(tx), {
      pin: input.newPin,
      lastName: input.newLastName,
      firstName: input.newFirstName,
      patronymic: input.newPatronymic || null,
      category: input.newCategory,
    });
    if (newHolder.id === policy.personId) throw new AppError("refunds.errors.reissueSamePerson", { field: "newPin" });
    const record = await tx.person.findUniqueOrThrow({
      where: { id: newHolder.id },
      select: { category: true, birthDate: true, sex: true },
    });
    const tariffs = await findTariffRows(tx);
    const decision = checkReissue({
      policy: {
        number: policy.number,
        status: policy.status,
        validFrom: fromDbDateOrNull(policy.validFrom),
        validTo: fromDbDateOrNull(policy.validTo),
        termMonths: policy.termMonths,
        priceSom: policy.priceSom,
      },
      paymentDay: bishkekDate(payment.paidAt),
      claimant: input.claimantRelation,
      holderCoverage: await findCoverage({ id: policy.personId }, tx),
      reissueDay: today,
      newHolder: {
        category: record.category,
        birthDate: fromDbDateOrNull(record.birthDate),
        sex: record.sex,
        hasIdentityDocument: true,
        coverage: await findCoverage({ id: newHolder.id }, tx),
      },
      tariffs,
    });
    if (!decision.ok)
      throw new ReissueRefused(
        decision.refusals.map((r) => r.code),
        decision.newHolderRefusals.map((r) => r.code),
      );

    await tx.policy.update({ where: { id: policy.id }, data: { status: "REISSUED" } });
    const number = await nextElectronicPolicyNumber(tx, today);
    const created = await tx.policy.create({
      data: {
        number,
        personId: newHolder.id,
        category: record.category,
        termMonths: decision.termMonths,
        priceSom: policy.priceSom,
        tariffId: policy.tariffId,
        status: "ISSUED",
        validFrom: toDbDate(decision.validFrom),
        validTo: toDbDate(decision.validTo),
        channel: "OFFICE",
        officeId: user.officeId,
        createdById: user.id,
        reissuedFromId: policy.id,
      },
      select: { id: true, number: true },
    });
    const actor = actorOf(user);
    await writeAudit(tx, {
      actor,
      action: "policy.reissued",
      entity: "Policy",
      entityId: policy.number,
      before: { status: policy.status, personId: policy.personId },
      after: { status: "REISSUED", to: created.number, newHolderId: newHolder.id, payer: input.payerName },
    });
    await writeAudit(tx, {
      actor,
      action: "policy.issued_by_reissue",
      entity: "Policy",
      entityId: created.number,
      after: { from: policy.number, personId: newHolder.id, validFrom: decision.validFrom, validTo: decision.validTo },
    });
    return { policyId: created.id, number: created.number, validFrom: decision.validFrom, validTo: decision.validTo };
  }, MONEY_TX_OPTIONS);
}

/** The rules refused a re-issue: the codes, for the form to show each reason (cl. 34). */
export class ReissueRefused extends Error {
  constructor(
    readonly codes: string[],
    readonly newHolderCodes: string[],
  ) {
    super("refunds.errors.reissueRefused");
  }
}
