import "server-only";
import { writeAccessDenied, writeAudit } from "@/lib/audit/mutations";
import { canApproveRefund, canPrepareRefund, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import { bishkekInstant } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/full-name";
import { findCoverage } from "@/lib/policies/queries";
import {
  addDays,
  bishkekDate,
  checkRefund,
  daysBetween,
  refundDocuments,
  type CalendarDate,
  type ClaimantRelation,
  type RefundDocumentCode,
  type RefundGround as RuleGround,
} from "@/lib/rules";
import { fileStorage } from "@/lib/storage/mutations";
import type { TRefundQueueFilter } from "./case.schema";
import type { RefundAssessment, RefundCaseView, RefundQueueRow } from "./view-models";

const REFUND_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rowSelect = {
  id: true,
  number: true,
  ground: true,
  state: true,
  amountSom: true,
  providerTxnId: true,
  channel: true,
  reason: true,
  outgoingNumber: true,
  createdAt: true,
  sentAt: true,
  office: { select: { code: true, nameRu: true, nameKy: true } },
  policy: {
    select: {
      number: true,
      status: true,
      validFrom: true,
      validTo: true,
      person: { select: { lastName: true, firstName: true, patronymic: true } },
    },
  },
  order: { select: { lastName: true, firstName: true, patronymic: true } },
} as const satisfies Prisma.RefundCaseSelect;

type Row = Prisma.RefundCaseGetPayload<{ select: typeof rowSelect }>;

function toRow(r: Row, today: CalendarDate): RefundQueueRow {
  const holder = r.policy ? fullName(r.policy.person) : r.order ? fullName(r.order) : "";
  return {
    id: r.id,
    number: r.number,
    ground: r.ground,
    state: r.state,
    officeCode: r.office?.code ?? null,
    officeNameRu: r.office?.nameRu ?? null,
    officeNameKy: r.office?.nameKy ?? null,
    amountSom: r.amountSom,
    holder,
    policyNumber: r.policy?.number ?? null,
    providerTxnId: r.providerTxnId,
    channel: r.channel,
    reason: r.reason,
    outgoingNumber: r.outgoingNumber,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    ageDays: Math.max(0, daysBetween(bishkekDate(r.createdAt), today)),
  };
}

/** The Fund sees every case that has left its office (the system's own cases are sent when opened). */
function queueWhere(filter: TRefundQueueFilter, today: CalendarDate): Prisma.RefundCaseWhereInput {
  const where: Prisma.RefundCaseWhereInput = { state: filter.state ?? { not: "DRAFT" } };
  if (filter.state === "DRAFT") where.state = "DRAFT";
  if (filter.ground) where.ground = filter.ground;
  if (filter.office === "none") where.officeId = null;
  else if (filter.office) where.office = { code: filter.office };
  // age in whole Bishkek days since the case was opened
  const since = (days: number) => bishkekInstant(addDays(today, -days));
  if (filter.age === "0-7") where.createdAt = { gte: since(7) };
  else if (filter.age === "8-30") where.createdAt = { lt: since(7), gte: since(30) };
  else if (filter.age === "31+") where.createdAt = { lt: since(30) };
  return where;
}

/**
 * The one refunds queue (issue 14): the ТУ letters and the cases the system opened — refused orders, late
 * confirmations, duplicate payments — paged, filtered by state, ground, office and age, oldest first.
 */
export async function listRefundQueue(user: StaffUser, filter: TRefundQueueFilter, today: CalendarDate) {
  if (!canApproveRefund(user)) return { rows: [], total: 0, page: 1, pageSize: REFUND_PAGE_SIZE };
  const where = queueWhere(filter, today);
  const [total, rows] = await Promise.all([
    db.refundCase.count({ where }),
    db.refundCase.findMany({
      where,
      select: rowSelect,
      orderBy: [{ createdAt: "asc" }, { number: "asc" }],
      skip: (filter.page - 1) * REFUND_PAGE_SIZE,
      take: REFUND_PAGE_SIZE,
    }),
  ]);
  return { rows: rows.map((r) => toRow(r, today)), total, page: filter.page, pageSize: REFUND_PAGE_SIZE };
}

/** Every row the filter matches (no page), for the CSV export; read in batches so memory stays flat. */
export async function* refundQueueForExport(user: StaffUser, filter: TRefundQueueFilter, today: CalendarDate) {
  if (!canApproveRefund(user)) return;
  const where = queueWhere(filter, today);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.refundCase.findMany({
      where,
      select: rowSelect,
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const r of rows) yield toRow(r, today);
    if (rows.length < 500) return;
    cursor = rows.at(-1)!.id;
  }
}

/** A ТУ's own cases, newest first. */
export async function listOfficeRefundCases(user: StaffUser, today: CalendarDate): Promise<RefundQueueRow[]> {
  if (!canPrepareRefund(user)) return [];
  const rows = await db.refundCase.findMany({
    where: { officeId: user.officeId },
    select: rowSelect,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => toRow(r, today));
}

const caseSelect = {
  ...rowSelect,
  claimantRelation: true,
  claimantName: true,
  claimantDocument: true,
  deathDate: true,
  otherCoverage: true,
  claimDate: true,
  bankName: true,
  bankAccount: true,
  preparedById: true,
  officeId: true,
  preparedBy: { select: { fullName: true } },
  decidedBy: { select: { fullName: true } },
  decidedAt: true,
  decisionNote: true,
  treasuryRef: true,
  treasuryDate: true,
  payment: { select: { paidAt: true } },
  policyId: true,
  documents: {
    select: { id: true, code: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.RefundCaseSelect;

type CaseRow = Prisma.RefundCaseGetPayload<{ select: typeof caseSelect }>;

async function paidSomFor(policyId: string | null): Promise<number> {
  if (!policyId) return 0;
  const sum = await db.payment.aggregate({
    where: { policyId, status: { in: ["CONFIRMED", "REFUNDED"] } },
    _sum: { amountSom: true },
  });
  return sum._sum.amountSom ?? 0;
}

async function toCaseView(r: CaseRow, today: CalendarDate): Promise<RefundCaseView> {
  return {
    ...toRow(r, today),
    paymentDay: r.payment ? bishkekDate(r.payment.paidAt) : null,
    paidSom: await paidSomFor(r.policyId),
    policyStatus: r.policy?.status ?? null,
    validFrom: fromDbDateOrNull(r.policy?.validFrom ?? null),
    validTo: fromDbDateOrNull(r.policy?.validTo ?? null),
    claimantRelation: r.claimantRelation,
    claimantName: r.claimantName,
    claimantDocument: r.claimantDocument,
    deathDate: fromDbDateOrNull(r.deathDate),
    otherCoverage: r.otherCoverage,
    claimDate: fromDbDateOrNull(r.claimDate),
    bankName: r.bankName,
    bankAccount: r.bankAccount,
    preparedById: r.preparedById,
    preparedBy: r.preparedBy?.fullName ?? null,
    decidedBy: r.decidedBy?.fullName ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    treasuryRef: r.treasuryRef,
    treasuryDate: fromDbDateOrNull(r.treasuryDate),
    documents: r.documents.map((d) => ({ ...d, uploadedAt: d.createdAt.toISOString() })),
  };
}

/**
 * One case as its reader may see it: a ТУ clerk their own office's cases, a refund officer every case that has been
 * sent. Anything else answers "not found" like a missing case, and the attempt is audited (STYLE §4).
 */
export async function findRefundCase(user: StaffUser, id: string, today: CalendarDate): Promise<RefundCaseView | null> {
  if (!UUID.test(id)) return null;
  const where: Prisma.RefundCaseWhereInput | null = canPrepareRefund(user)
    ? { id, officeId: user.officeId }
    : canApproveRefund(user)
      ? { id, state: { not: "DRAFT" } }
      : null;
  const row = where ? await db.refundCase.findFirst({ where, select: caseSelect }) : null;
  if (row) return toCaseView(row, today);
  if (await db.refundCase.count({ where: { id } })) {
    await writeAccessDenied({ id: user.id, label: user.login }, "refund.view", `RefundCase:${id}`);
  }
  return null;
}

/**
 * What the rules say about a ТУ's case (cl. 32–33), before it may be sent: eligible or not with the reasons, the
 * documents required for its ground and claimant, and which of them are not attached yet.
 */
export async function assessRefundCase(user: StaffUser, id: string): Promise<RefundAssessment | null> {
  if (!canPrepareRefund(user) || !UUID.test(id)) return null;
  const row = await db.refundCase.findFirst({
    where: { id, officeId: user.officeId },
    select: {
      ground: true,
      claimantRelation: true,
      claimDate: true,
      deathDate: true,
      documents: { select: { code: true } },
      payment: { select: { paidAt: true } },
      policy: {
        select: {
          id: true,
          number: true,
          status: true,
          validFrom: true,
          validTo: true,
          personId: true,
          payments: { where: { status: "CONFIRMED" }, select: { amountSom: true } },
        },
      },
    },
  });
  if (!row?.policy || !row.payment) return null;
  const ground = row.ground as RuleGround;
  const claimant = (row.claimantRelation ?? "OTHER") as ClaimantRelation;
  const decision = checkRefund({
    ground,
    policy: {
      number: row.policy.number,
      status: row.policy.status,
      validFrom: fromDbDateOrNull(row.policy.validFrom),
      validTo: fromDbDateOrNull(row.policy.validTo),
    },
    paymentDay: bishkekDate(row.payment.paidAt),
    paidSom: row.policy.payments.reduce((s, p) => s + p.amountSom, 0),
    claimDay: row.claimDate ? fromDbDate(row.claimDate) : bishkekDate(new Date(0)),
    claimant,
    deathDay: fromDbDateOrNull(row.deathDate),
    beneficiaryCoverage: ground === "ALREADY_INSURED" ? await findCoverage({ id: row.policy.personId }) : undefined,
  });
  const required = refundDocuments(ground, claimant).map((d) => d.code);
  const attached = new Set(row.documents.map((d) => d.code));
  const missing = required.filter((c): c is RefundDocumentCode => !attached.has(c));
  if (!row.claimantRelation) {
    return { ok: false, refusals: [{ code: "CLAIMANT_NOT_ENTITLED", clause: "cl. 32" }], required, missing };
  }
  return decision.ok
    ? { ok: true, amountSom: decision.amountSom, required, missing }
    : { ok: false, refusals: decision.refusals, required, missing };
}

/**
 * A document's bytes for its reader (the case's office, or a refund officer once the case is sent); each opening is
 * audited — these are copies of passports and certificates.
 */
export async function readRefundDocument(user: StaffUser, documentId: string) {
  if (!UUID.test(documentId)) return null;
  const doc = await db.refundDocument.findUnique({
    where: { id: documentId },
    select: {
      code: true,
      fileName: true,
      contentType: true,
      storageKey: true,
      sha256: true,
      case: { select: { number: true, officeId: true, state: true } },
    },
  });
  if (!doc) return null;
  const mayRead =
    (canPrepareRefund(user) && doc.case.officeId === user.officeId) ||
    (canApproveRefund(user) && doc.case.state !== "DRAFT");
  const actor = { id: user.id, label: user.login };
  if (!mayRead) {
    await writeAccessDenied(actor, "refund.view", `RefundDocument:${documentId}`);
    return null;
  }
  const bytes = await fileStorage().get(doc.storageKey);
  if (!bytes) return null;
  await writeAudit(db, {
    actor,
    action: "refund.document_viewed",
    entity: "RefundCase",
    entityId: doc.case.number,
    after: { documentId, code: doc.code, sha256: doc.sha256 },
  });
  return { bytes, contentType: doc.contentType, fileName: doc.fileName };
}

/** What the ТУ's letter prints: the sent case with its office, claimant and attachments. */
export async function findRefundLetter(user: StaffUser, id: string, today: CalendarDate) {
  const view = await findRefundCase(user, id, today);
  if (!view || !view.outgoingNumber || !view.sentAt) return null;
  const office = await db.refundCase.findUniqueOrThrow({
    where: { id },
    select: { office: { select: { nameRu: true, nameKy: true, addressRu: true, addressKy: true } } },
  });
  return { ...view, office: office.office };
}
