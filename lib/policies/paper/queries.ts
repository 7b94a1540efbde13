import "server-only";
import { writeAccessDenied } from "@/lib/audit/mutations";
import { canPrintPolicyOf, canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import { bishkekInstant } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/full-name";
import {
  addDays,
  bishkekDate,
  handoverStatus,
  lastDayStillMade,
  policyValidityOn,
  type CalendarDate,
  type HandoverStatus,
} from "@/lib/rules";
import { isValidPolicySignature } from "./verification";
import type { HandoverView, JournalRowView, PaperPolicyView, VerifiedPolicyView } from "./view-models";

export const JOURNAL_PAGE_SIZE = 25;
const EXPORT_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the journal is asked (cl. 16): every part optional; `who` is a full PIN or the start of a name. */
export type JournalQuery = {
  number?: string;
  who?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  status?: HandoverStatus;
};

export const handoverSelect = {
  handedOn: true,
  recipient: true,
  recipientName: true,
  recipientDocumentType: true,
  recipientDocumentNumber: true,
} as const satisfies Prisma.PolicyHandoverSelect;

export function toHandoverView(
  h: Prisma.PolicyHandoverGetPayload<{ select: typeof handoverSelect }> | null,
): HandoverView | null {
  return h ? { ...h, handedOn: fromDbDate(h.handedOn) } : null;
}

// ── The paper policy ──

/**
 * The policy to print, if this staff member may print it (a clerk: their office's; a doctor: their organization's
 * pregnancy policy). Another office's policy answers null like a missing one, and the attempt is audited.
 */
export async function findPrintablePolicy(user: StaffUser, policyId: string): Promise<PaperPolicyView | null> {
  if (!UUID.test(policyId)) return null;
  const policy = await db.policy.findUnique({
    where: { id: policyId },
    include: { person: true, office: { select: { nameRu: true, nameKy: true } } },
  });
  if (!policy) return null;
  if (!canPrintPolicyOf(user, policy)) {
    await writeAccessDenied({ id: user.id, label: user.login }, "policies.print", `Policy:${policyId}`);
    return null;
  }
  const p = policy.person;
  // Only a paid (or free by rule) policy with its dates is a policy on paper; a refunded one covers nobody.
  if (policy.status !== "ISSUED" || !policy.validFrom || !policy.validTo) return null;
  return {
    id: policy.id,
    number: policy.number,
    category: policy.category,
    status: policy.status,
    validFrom: fromDbDate(policy.validFrom),
    validTo: fromDbDate(policy.validTo),
    madeOn: bishkekDate(policy.createdAt),
    holder: {
      fullName: fullName(p),
      pin: p.pin,
      documentType: p.documentType,
      documentNumber: p.documentNumber,
      birthDate: fromDbDateOrNull(p.birthDate),
    },
    office: { ru: policy.office?.nameRu ?? "", ky: policy.office?.nameKy ?? "" },
  };
}

/**
 * The public verification page (the QR code): the policy whose number carries a valid signature — else null, which
 * the page answers with 404 exactly as for an unknown number. Dates and validity only, never the holder.
 */
export async function findVerifiedPolicy(
  number: string,
  signature: string,
  today: CalendarDate,
): Promise<VerifiedPolicyView | null> {
  if (!isValidPolicySignature(number, signature)) return null;
  const policy = await db.policy.findUnique({
    where: { number },
    select: { number: true, status: true, validFrom: true, validTo: true },
  });
  if (!policy || policy.status === "PENDING" || policy.status === "CANCELLED") return null;
  const view = {
    number: policy.number,
    status: policy.status,
    validFrom: fromDbDateOrNull(policy.validFrom),
    validTo: fromDbDateOrNull(policy.validTo),
  };
  return {
    number: view.number,
    validFrom: view.validFrom,
    validTo: view.validTo,
    validity: policyValidityOn(view, today),
  };
}

// ── The issuance journal (cl. 16) ──

const journalSelect = {
  id: true,
  number: true,
  category: true,
  status: true,
  validFrom: true,
  validTo: true,
  createdAt: true,
  person: { select: { pin: true, documentNumber: true, lastName: true, firstName: true, patronymic: true } },
  handover: { select: handoverSelect },
} as const satisfies Prisma.PolicySelect;

type JournalRow = Prisma.PolicyGetPayload<{ select: typeof journalSelect }>;

function toJournalRow(r: JournalRow, today: CalendarDate): JournalRowView {
  const madeOn = bishkekDate(r.createdAt);
  const handover = toHandoverView(r.handover);
  return {
    id: r.id,
    number: r.number,
    category: r.category,
    policyStatus: r.status,
    validFrom: fromDbDateOrNull(r.validFrom),
    validTo: fromDbDateOrNull(r.validTo),
    madeOn,
    holder: fullName(r.person),
    pin: r.person.pin,
    documentNumber: r.person.documentNumber,
    status: handoverStatus(madeOn, handover?.handedOn ?? null, today),
    handover,
  };
}

const startsWith = (value: string) => ({ startsWith: value, mode: "insensitive" as const });

/**
 * The journal's `where`: the clerk's own office first (STYLE §4), policies that were made (paid or free; refunded
 * and re-issued ones stay in the journal's history), then the filters. A date range matches a policy made or handed
 * over within it, so "the day's journal" holds everything that happened that day.
 */
function journalWhere(user: StaffUser, q: JournalQuery, today: CalendarDate): Prisma.PolicyWhereInput {
  const and: Prisma.PolicyWhereInput[] = [
    { officeId: user.officeId!, status: { in: ["ISSUED", "REFUNDED", "REISSUED"] } },
  ];
  if (q.number) and.push({ number: startsWith(q.number) });
  if (q.who) {
    if (/^\d{14}$/.test(q.who)) and.push({ person: { pin: q.who } });
    else {
      for (const word of q.who.split(/\s+/).filter(Boolean)) {
        and.push({
          person: {
            OR: [{ lastName: startsWith(word) }, { firstName: startsWith(word) }, { patronymic: startsWith(word) }],
          },
        });
      }
    }
  }
  if (q.from || q.to) {
    const made: Prisma.DateTimeFilter = {};
    const handed: Prisma.DateTimeFilter = {};
    if (q.from) {
      made.gte = bishkekInstant(q.from);
      handed.gte = toDbDate(q.from);
    }
    if (q.to) {
      made.lt = bishkekInstant(addDays(q.to, 1));
      handed.lte = toDbDate(q.to);
    }
    and.push({ OR: [{ createdAt: made }, { handover: { handedOn: handed } }] });
  }
  // I35: made on or after this day and not handed over = still "made"; before it = "not collected".
  const stillMade = bishkekInstant(lastDayStillMade(today));
  if (q.status === "HANDED_OVER") and.push({ handover: { isNot: null } });
  if (q.status === "MADE") and.push({ handover: { is: null }, createdAt: { gte: stillMade } });
  if (q.status === "NOT_COLLECTED") and.push({ handover: { is: null }, createdAt: { lt: stillMade } });
  return { AND: and };
}

const journalOrder: Prisma.PolicyOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** One page of the office's journal, newest first; a user outside the office workspace gets nothing. */
export async function listJournal(
  user: StaffUser,
  q: JournalQuery,
  today: CalendarDate,
  page = 1,
): Promise<{ rows: JournalRowView[]; total: number }> {
  if (!canUseOfficeWorkspace(user)) return { rows: [], total: 0 };
  const where = journalWhere(user, q, today);
  const [rows, total] = await Promise.all([
    db.policy.findMany({
      where,
      select: journalSelect,
      orderBy: journalOrder,
      take: JOURNAL_PAGE_SIZE,
      skip: (Math.max(1, page) - 1) * JOURNAL_PAGE_SIZE,
    }),
    db.policy.count({ where }),
  ]);
  return { rows: rows.map((r) => toJournalRow(r, today)), total };
}

/**
 * Every line the filters match, in batches (the PDF and the CSV / XLSX exports): memory stays flat for a year's
 * journal. Keyset pagination on (createdAt, id), so rows added meanwhile neither repeat nor shift the batches.
 */
export async function* journalRowsForExport(
  user: StaffUser,
  q: JournalQuery,
  today: CalendarDate,
): AsyncGenerator<JournalRowView> {
  if (!canUseOfficeWorkspace(user)) return;
  const where = journalWhere(user, q, today);
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.policy.findMany({
      where,
      select: journalSelect,
      orderBy: journalOrder,
      take: EXPORT_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const r of batch) yield toJournalRow(r, today);
    if (batch.length < EXPORT_BATCH) return;
    cursor = batch.at(-1)!.id;
  }
}
