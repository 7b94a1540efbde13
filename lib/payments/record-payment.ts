import "server-only";
import type { AuditActor } from "@/lib/audit/mutations";
import { auditRows, writeAudits } from "@/lib/audit/mutations";
import { randomUUID } from "node:crypto";
import { db, MONEY_TX_OPTIONS, prepared, sqlOn, sqlRows, sqlTransaction, type SqlTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import type { IssueChannel, PaymentChannel, Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { policyMessages } from "@/lib/notifications/policy-messages";
import { electronicPolicyNumberSql } from "@/lib/policies/mutations";
import {
  findOrCreatePersonForUpdate,
  identifiedByPinOnly,
  insertPersonSql,
  newPersonRecord,
  type NewPersonRecord,
  type PersonIdentity,
} from "@/lib/people/mutations";
import { findCoverageOfPerson, findTariffRows, findUnfinishedStudentPolicy } from "@/lib/policies/queries";
import {
  bishkekDate,
  classifyStudentPayment,
  decidePaymentDate,
  isStudentCategory,
  paymentDateWindowDays,
  planPurchase,
  STUDENT_TERM_MONTHS,
  studentFirstStageEnd,
  type CalendarDate,
  type Category,
  type CoverageInput,
  type Refusal,
  type Sex,
  type StudentPaymentStage,
  type TariffRow,
} from "@/lib/rules";
import { countPaymentAccepted, countRefusals } from "@/lib/metrics";

type Tx = Prisma.TransactionClient;

export type RecordPaymentRequest = {
  channel: PaymentChannel;
  /** the channel's own transaction id: (channel, externalTxnId) is unique in the database */
  externalTxnId: string;
  /** the beneficiary's identifier exactly as the channel sent it; a replay must carry the same */
  account: string;
  /** the instant the person paid: its Bishkek day is the payment day (SPEC §3) — unless we hear of it too late (I33) */
  paidAt: Date;
  /**
   * the instant the payment reached us (issue 11, hole 4): a payment dated after it (beyond 5 minutes) is refused;
   * one dated more than PAYMENT_DATE_WINDOW_DAYS before it counts from it and is flagged `lateDated`
   */
  receivedAt: Date;
  amountSom: number;
  /** a terminal's payer is unnamed: name "" (README, interpretation I24) */
  payer: { name: string; phone?: string | null };
  beneficiary: PersonIdentity;
  /** a student's payment (cl. 4 note) is always for the 12-month policy: the sum decides the stage */
  termMonths: number;
  /** what a student's payer chose, when the channel asks; omitted: the sum decides (classifyStudentPayment) */
  studentStage?: StudentPaymentStage;
  issueChannel: IssueChannel;
  /** a channel that identified the person (a PIN checked against the register) counts as an identity document */
  hasIdentityDocument?: boolean;
  officeId?: number | null;
  registeredById?: string | null;
  actor: AuditActor;
  locale?: Locale;
  /** runs inside the transaction once payment and policy exist (e.g. marks a purchase order paid) */
  afterIssue?: (tx: Tx, issued: IssuedPolicy) => Promise<void>;
  /** the tariff table as the caller read it for this very request (a terminal's sale): not read a second time */
  tariffs?: (TariffRow & { id: number })[];
  /**
   * the caller found nobody with the beneficiary's PIN just before (a terminal's sale): the payment first tries to
   * register them with it in one statement (issueForNewPayer); a stale hint costs that statement and changes nothing
   */
  beneficiaryUnknown?: boolean;
  /**
   * the caller read the beneficiary by their PIN just before, with what they held (a terminal's sale): the payment is
   * decided on that and written in one statement while their policies are unchanged (issueForKnownPayer); a stale
   * read costs that statement and changes nothing
   */
  beneficiaryKnown?: KnownPayer;
};

/** A registered payer as a caller read them, with their coverage and its version (Person.coverageVersion). */
export type KnownPayer = {
  id: string;
  birthDate: CalendarDate | null;
  sex: Sex | null;
  coverage: CoverageInput;
  coverageVersion: number;
  /** the register has no name for them yet (a payment that brings one names them, in the transaction) */
  nameless: boolean;
};

export type IssuedPolicy = {
  paymentId: string;
  /** the payment's provider number (a database sequence): the OSMP `prv_txn` */
  providerNumber: number;
  /** a foreign student's payment (cl. 4 note): which stage it paid; null for everyone else */
  studentStage: StudentPaymentStage | null;
  policyId: string;
  policyNumber: string;
  paymentDay: CalendarDate;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  amountSom: number;
};

export type RecordPaymentResult =
  | ({ outcome: "created" } & IssuedPolicy)
  /** the same transaction again (a replay or a concurrent duplicate): the first result, nothing changed */
  | ({ outcome: "duplicate" } & IssuedPolicy)
  /** the same transaction id from this channel with another account or amount: refused, nothing changed */
  | { outcome: "conflict"; paymentId: string }
  | { outcome: "refused"; paymentDay: CalendarDate; refusals: Refusal[] }
  /** dated in the future beyond the allowed clock difference (issue 11, hole 4): not a payment, nothing changed */
  | { outcome: "date_in_future" }
  /** the amount is not the price of the policy on the payment day */
  | { outcome: "wrong_amount"; paymentDay: CalendarDate; expectedSom: number };

/** A request whose date has been decided (I33): the instant its policy counts from, and whether it is late. */
type DatedRequest = RecordPaymentRequest & { lateDated: boolean; countsFrom: Date };

class Abort extends Error {
  constructor(readonly result: RecordPaymentResult) {
    super(result.outcome);
  }
}

/** The transaction id is already recorded: answered, once the transaction has ended, by what it recorded. */
class Replay extends Error {}

/**
 * The recorded payment of a transaction id, its policy, and what the policy's payments up to it sum to — one plain
 * statement (issue 17: terminals retry, and a concurrent duplicate asks at once; Prisma's nested read was three).
 */
const RECORDED_SQL = `SELECT p."id", p."account", p."amountSom", p."providerNumber"::int AS "providerNumber",
    p."lateDated", (extract(epoch FROM p."paidAt") * 1000)::float8 AS "paidAtMs",
    (extract(epoch FROM p."receivedAt") * 1000)::float8 AS "receivedAtMs", pol."id"::text AS "policyId", pol."number", pol."category"::text AS "category",
    pol."priceSom", pol."validFrom"::text AS "validFrom", pol."validTo"::text AS "validTo",
    (SELECT coalesce(sum(x."amountSom"), 0)::int FROM "Payment" x
      WHERE x."policyId" = pol."id" AND x."providerNumber" <= p."providerNumber") AS "paidUpTo"
  FROM "Payment" p LEFT JOIN "Policy" pol ON pol."id" = p."policyId"
  WHERE p."channel" = $1::"PaymentChannel" AND p."externalTxnId" = $2`;

type RecordedRow = {
  id: string;
  account: string | null;
  amountSom: number;
  providerNumber: number;
  lateDated: boolean;
  paidAtMs: number;
  receivedAtMs: number;
  policyId: string | null;
  number: string | null;
  category: Category | null;
  priceSom: number | null;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  paidUpTo: number;
};

/** What an already recorded transaction means for a new request carrying the same id (read after any transaction). */
async function existingOutcome(req: RecordPaymentRequest): Promise<RecordPaymentResult | null> {
  const [payment] = await sqlRows<RecordedRow>(RECORDED_SQL, [req.channel, req.externalTxnId]);
  if (!payment) return null;
  if (payment.account !== req.account || payment.amountSom !== req.amountSom || !payment.policyId) {
    return { outcome: "conflict", paymentId: payment.id };
  }
  const validFrom = payment.validFrom!;
  // A replay answers what the payment bought when it was made: a student's first half, its 6 months, even after the
  // second half has extended the policy (cl. 4 note, SPEC §2).
  const paidUpTo = payment.paidUpTo;
  const student = isStudentCategory(payment.category!);
  const stage: StudentPaymentStage | null = !student
    ? null
    : paidUpTo === payment.amountSom
      ? paidUpTo >= payment.priceSom!
        ? "FULL"
        : "FIRST_INSTALMENT"
      : "SECOND_INSTALMENT";
  return {
    outcome: "duplicate",
    paymentId: payment.id,
    providerNumber: payment.providerNumber,
    studentStage: stage,
    policyId: payment.policyId,
    policyNumber: payment.number!,
    paymentDay: bishkekDate(new Date(payment.lateDated ? payment.receivedAtMs : payment.paidAtMs)),
    validFrom,
    validTo: stage === "FIRST_INSTALMENT" ? studentFirstStageEnd(validFrom) : payment.validTo!,
    amountSom: payment.amountSom,
  };
}

/** Is (channel, externalTxnId) already recorded (committed, or by this transaction)? One plain statement. */
async function paymentRecorded(req: RecordPaymentRequest, sql: SqlTx): Promise<boolean> {
  const rows = await sql(
    `SELECT 1 AS "one" FROM "Payment" WHERE "channel" = $1::"PaymentChannel" AND "externalTxnId" = $2`,
    [req.channel, req.externalTxnId],
  );
  return rows.length > 0;
}

/** The accepted sum a wrong one is measured against: the smallest above it, or the largest when it is above all. */
function nearestAcceptedSum(sums: number[], amountSom: number): number {
  return sums.find((s) => s > amountSom) ?? sums[sums.length - 1] ?? 0;
}

// The unique (channel, externalTxnId) decides here between concurrent duplicates: the loser rolls back.
// providerNumber comes from the column's sequence.
function createPayment(tx: Tx, req: DatedRequest, policyId: string) {
  return tx.payment.create({
    data: {
      channel: req.channel,
      externalTxnId: req.externalTxnId,
      account: req.account,
      amountSom: req.amountSom,
      paidAt: req.paidAt,
      receivedAt: req.receivedAt,
      lateDated: req.lateDated,
      payerName: req.payer.name,
      payerPhone: req.payer.phone ?? null,
      status: "CONFIRMED",
      policyId,
      officeId: req.officeId ?? null,
      registeredById: req.registeredById ?? null,
    },
    select: { id: true, providerNumber: true },
  });
}

function paymentAudit(req: DatedRequest, paymentId: string, policyNumber: string, stage: StudentPaymentStage | null) {
  return {
    actor: req.actor,
    action: "payment.register",
    entity: "Payment",
    entityId: paymentId,
    after: {
      channel: req.channel,
      externalTxnId: req.externalTxnId,
      amountSom: req.amountSom,
      paidAt: req.paidAt.toISOString(),
      receivedAt: req.receivedAt.toISOString(),
      ...(req.lateDated ? { lateDated: true } : {}),
      policyNumber,
      ...(stage ? { studentStage: stage } : {}),
    },
  };
}

/**
 * cl. 4 note, SPEC §2: the second half extends the same policy to 12 months from the same start, at once (it is
 * already running: no new 5-day delay). The policy keeps its number and its (whole) price; both payments are its own.
 */
async function extendStudentPolicy(
  tx: Tx,
  req: DatedRequest,
  policy: { id: string; number: string; validFrom: CalendarDate; validTo: CalendarDate },
  plan: { paymentDay: CalendarDate; validFrom: CalendarDate; validTo: CalendarDate },
): Promise<IssuedPolicy> {
  await tx.policy.update({ where: { id: policy.id }, data: { validTo: toDbDate(plan.validTo) } });
  const payment = await createPayment(tx, req, policy.id);
  await writeAudits(tx, [
    paymentAudit(req, payment.id, policy.number, "SECOND_INSTALMENT"),
    {
      actor: req.actor,
      action: "policy.extend",
      entity: "Policy",
      entityId: policy.id,
      before: { validTo: policy.validTo },
      after: { validTo: plan.validTo, reason: "SECOND_INSTALMENT" },
    },
  ]);
  return {
    paymentId: payment.id,
    providerNumber: payment.providerNumber,
    studentStage: "SECOND_INSTALMENT",
    policyId: policy.id,
    policyNumber: policy.number,
    paymentDay: plan.paymentDay,
    validFrom: plan.validFrom,
    validTo: plan.validTo,
    amountSom: req.amountSom,
  };
}

/**
 * The policy (its number from the sequence), its payment, the SMS outbox and the two audit rows in ONE statement
 * (issue 17: five round trips were one each, with the transaction and the person's lock held across them). The
 * number is known only inside the statement: the messages and the audit rows carry a random placeholder that the
 * statement replaces with it. The unique (channel, externalTxnId) still decides between concurrent duplicates: the
 * loser's statement fails and its transaction rolls back. Ids are made here (the schema's uuid() is Prisma's).
 */
async function issueInOneStatement(
  sql: SqlTx,
  req: DatedRequest,
  w: {
    personId: string;
    plan: {
      category: string;
      termMonths: number;
      paymentDay: CalendarDate;
      validFrom: CalendarDate;
      validTo: CalendarDate;
      isRenewal: boolean;
      instalments?: unknown;
    };
    stage: StudentPaymentStage | null;
    priceSom: number;
    tariffId: number | null;
  },
  payer: StatementPayer = { kind: "locked" },
): Promise<{ paymentId: string; providerNumber: number; policyId: string; policyNumber: string } | null> {
  const { plan } = w;
  const policyId = randomUUID();
  const paymentId = randomUUID();
  const placeholder = `⟦${randomUUID()}⟧`;
  const phone = req.beneficiary.phone ?? req.payer.phone ?? null;
  const messages = policyMessages({
    number: placeholder,
    phone,
    amountSom: req.amountSom,
    paymentDay: plan.paymentDay,
    validFrom: plan.validFrom,
    validTo: plan.validTo,
    locale: req.locale,
  });
  const audits = auditRows([
    paymentAudit(req, paymentId, placeholder, w.stage),
    {
      actor: req.actor,
      action: "policy.issue",
      entity: "Policy",
      entityId: policyId,
      after: {
        number: placeholder,
        personId: w.personId,
        category: plan.category,
        termMonths: plan.termMonths,
        priceSom: w.priceSom,
        validFrom: plan.validFrom,
        validTo: plan.validTo,
        isRenewal: plan.isRenewal,
        ...(plan.instalments ? { instalments: plan.instalments } : {}),
      },
    },
  ]);
  const rows = await sql<{ number: string; providerNumber: number }>(ISSUE_SQL[payer.kind], [
    plan.paymentDay.slice(0, 4),
    policyId,
    w.personId,
    plan.category,
    plan.termMonths,
    w.priceSom,
    w.tariffId,
    plan.validFrom,
    plan.validTo,
    req.issueChannel,
    req.officeId ?? null,
    req.registeredById ?? null,
    paymentId,
    req.channel,
    req.externalTxnId,
    req.account,
    req.amountSom,
    req.paidAt,
    req.receivedAt,
    req.lateDated,
    req.payer.name,
    req.payer.phone ?? null,
    phone,
    placeholder,
    messages.map((m) => m.kind),
    messages.map((m) => m.sendOn),
    messages.map((m) => m.text),
    audits.map((a) => a.actorId),
    audits.map((a) => a.actorLabel),
    audits.map((a) => a.action),
    audits.map((a) => a.entity),
    audits.map((a) => a.entityId),
    audits.map((a) => a.after),
    ...(payer.kind === "new" ? payer.record.params : []),
    ...(payer.kind === "read" ? [payer.known.coverageVersion, payer.known.birthDate, payer.known.sex] : []),
  ]);
  const row = rows[0];
  if (!row) return null;
  return { paymentId, providerNumber: Number(row.providerNumber), policyId, policyNumber: row.number };
}

/**
 * $1 is the payment day's year: the policy's number is made here, from the sequence (lib/policies/mutations.ts).
 * The policy is written with its sale channel — its first payment's channel, for a policy sold online or at a
 * terminal — which the trigger "Payment_sale_channel" would otherwise set by updating the policy just written (a
 * second version of its row, and the dashboard rollups taken out and put back: migration 20261201070057).
 * `new`: the statement registers the payer too ($34…, lib/people/mutations.ts) — and writes nothing at all when the
 * register has meanwhile got that PIN (ON CONFLICT DO NOTHING: no person row, so no policy, payment, SMS or audit).
 * `read`: the statement locks the payer, and writes nothing at all unless they are unchanged (LOCK_UNCHANGED_PAYER_SQL).
 */
const issueSql = (payer: StatementPayer["kind"]) => `WITH n AS (SELECT nextval('"policy_number_seq"')::text AS v),
${payer === "new" ? `person AS (${insertPersonSql(34)} ON CONFLICT DO NOTHING RETURNING "id"),` : ""}
${payer === "read" ? `person AS (${LOCK_UNCHANGED_PAYER_SQL}),` : ""}
policy AS (
  INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "tariffId", "status",
                        "validFrom", "validTo", "channel", "saleChannel", "officeId", "createdById", "updatedAt")
  SELECT $2::uuid, ${electronicPolicyNumberSql("$1::text", "n.v")}, $3::uuid, $4::"Category",
         $5::int, $6::int, $7::int, 'ISSUED', $8::date, $9::date, $10::"IssueChannel",
         CASE WHEN $10::"IssueChannel" IN ('ONLINE', 'TERMINAL') THEN $14::"PaymentChannel" END, $11::int, $12::uuid, now()
    FROM n${payer === "locked" ? "" : ", person"}
  RETURNING "id", "number"
), payment AS (
  INSERT INTO "Payment" ("id", "channel", "externalTxnId", "account", "amountSom", "paidAt", "receivedAt", "lateDated",
                         "payerName", "payerPhone", "status", "policyId", "officeId", "registeredById")
  SELECT $13::uuid, $14::"PaymentChannel", $15::text, $16::text, $17::int, $18::timestamptz, $19::timestamptz,
         $20::boolean, $21::text, $22::text, 'CONFIRMED', policy."id", $11::int, $12::uuid
    FROM policy
  RETURNING "providerNumber"
), sms AS (
  INSERT INTO "Notification" ("id", "kind", "phone", "policyId", "sendOn", "text")
  SELECT gen_random_uuid(), m.kind::"NotificationKind", $23::text, policy."id", m.day::date,
         replace(m.text, $24::text, policy."number")
    FROM policy, unnest($25::text[], $26::text[], $27::text[]) AS m(kind, day, text)
  ON CONFLICT DO NOTHING
), audit AS (
  INSERT INTO "AuditLog" ("actorId", "actorLabel", "action", "entity", "entityId", "after")
  SELECT a."actorId"::uuid, a."actorLabel", a."action", a."entity", a."entityId",
         replace(a."after", $24::text, policy."number")::jsonb
    FROM policy, unnest($28::text[], $29::text[], $30::text[], $31::text[], $32::text[], $33::text[])
      AS a("actorId", "actorLabel", "action", "entity", "entityId", "after")
)
SELECT policy."number", payment."providerNumber"::int AS "providerNumber" FROM policy, payment`;

/**
 * `read`: the payer ($3) as a caller read them ($34 the version of their coverage, $35 their birth date, $36 their sex),
 * locked — and nothing is written unless all of it still holds and no coverage from another source has appeared. The
 * statement's snapshot is taken when it starts, so it is older than the lock when the lock had to wait; but the row it
 * locks is re-read at its newest version and these conditions are checked again on it. Hence the version: the
 * triggers "Policy_coverage_version" and "ExternalCoverage_coverage_version" change the person's row with every change
 * of their policies and every coverage from another source given or moved to them — except the registry import's
 * rows (importId set), which take only the foreign key's KEY SHARE lock on the person: FOR NO KEY UPDATE does not
 * wait for it, so an import's rows are either in the snapshot or committed after this payment was decided — the order
 * of a payment that came a moment before the import (the transaction's lock is FOR NO KEY UPDATE too: lockByPin).
 * FOR UPDATE would wait for the import and then decide on a snapshot without its rows.
 */
const LOCK_UNCHANGED_PAYER_SQL = `SELECT "id" FROM "Person"
    WHERE "id" = $3::uuid AND "coverageVersion" = $34::int AND "birthDate" IS NOT DISTINCT FROM $35::date
      AND "sex" IS NOT DISTINCT FROM $36::"Sex"
      AND NOT EXISTS (SELECT 1 FROM "ExternalCoverage" e WHERE e."personId" = $3::uuid)
    FOR NO KEY UPDATE`;

/**
 * How the one statement has its payer: locked already by the transaction it runs in; registered by it (a new payer,
 * `new`); or locked by it while unchanged since a caller read them (a registered payer, `read`).
 */
type StatementPayer =
  { kind: "locked" } | { kind: "new"; record: NewPersonRecord } | { kind: "read"; known: KnownPayer };

// Prepared (lib/db): parsing and planning this statement cost PostgreSQL more than running it.
const ISSUE_SQL = {
  locked: prepared("issue_locked", issueSql("locked")),
  new: prepared("issue_new", issueSql("new")),
  read: prepared("issue_read", issueSql("read")),
} satisfies Record<StatementPayer["kind"], unknown>;

/**
 * A confirmed payment becomes exactly one payment record and one policy (cl. 20–21: one payment = one person = one
 * policy), in one transaction, or nothing at all. Idempotent by (channel, external transaction id), enforced by the
 * database: a replay, or ten identical requests at once, yield the first result and change nothing.
 * Every channel that takes money for a policy — the portal's acquirer, terminals, cash-desk receipts — comes here.
 */
async function recordPaymentOnce(request: RecordPaymentRequest): Promise<RecordPaymentResult> {
  // Issue 11, hole 4 (I33): the date decides nothing before it is checked against when the payment reached us.
  const dates = decidePaymentDate({
    paidAt: request.paidAt,
    receivedAt: request.receivedAt,
    windowDays: paymentDateWindowDays(process.env.PAYMENT_DATE_WINDOW_DAYS),
  });
  if (!dates.ok) return { outcome: "date_in_future" };
  const req: DatedRequest = { ...request, lateDated: dates.lateDated, countsFrom: dates.countsFrom };
  // The tariff table is reference data no payment locks: read before the transaction (or taken from the caller).
  const tariffs = request.tariffs ?? (await findTariffRows());
  const prismaOnly = isStudentCategory(req.beneficiary.category) || !!req.afterIssue;
  try {
    const byPinAlone = identifiedByPinOnly(req.beneficiary) && !prismaOnly;
    const fast = !byPinAlone
      ? null
      : req.beneficiaryUnknown
        ? await issueForNewPayer(req, tariffs)
        : req.beneficiaryKnown
          ? await issueForKnownPayer(req, tariffs, req.beneficiaryKnown)
          : null;
    if (fast) return fast;
    // A student's payment and a caller's afterIssue work through Prisma's models: a Prisma transaction. Every other
    // payment (the terminals' load, issue 17) is plain statements on one pooled connection (lib/db sqlTransaction).
    return prismaOnly
      ? await db.$transaction((tx) => issueOnce(req, tariffs, sqlOn(tx), tx), MONEY_TX_OPTIONS)
      : await sqlTransaction((sql) => issueOnce(req, tariffs, sql, null));
  } catch (e) {
    if (e instanceof Abort) return e.result;
    // A replay, or a concurrent duplicate that lost the race on the unique (channel, externalTxnId): the first result.
    if (e instanceof Replay || isUniqueViolation(e)) {
      const known = await existingOutcome(req);
      if (known) return known;
    }
    throw e;
  }
}

/**
 * The transaction's work: lock (or register) the person, apply the rules to what they hold, write. `tx` is the Prisma
 * transaction the statements run in, when they run in one (a student's payment, a caller's afterIssue); null on a
 * plain pg connection.
 */
async function issueOnce(
  req: DatedRequest,
  tariffs: (TariffRow & { id: number })[],
  sql: SqlTx,
  tx: Tx | null,
): Promise<RecordPaymentResult> {
  const person = await findOrCreatePersonForUpdate(sql, req.beneficiary);
  // A refusal is checked against the payment itself first: a terminal's retry, or a concurrent duplicate that waited
  // on the person's lock while the first request committed, is the same transaction, not a second purchase (which
  // the rules would refuse as POLICY_ALREADY_PAID). Asked only on the way to a refusal (issue 17: every new payment
  // saves the round trip); a person this transaction has just registered has no payment anyone committed. Had the
  // rules let a replay through, the unique (channel, externalTxnId) refuses its write and it is answered the same.
  const refuse = async (result: RecordPaymentResult): Promise<never> => {
    if (!person.createdNow && (await paymentRecorded(req, sql))) throw new Replay();
    throw new Abort(result);
  };
  const coverage = person.createdNow ? { policies: [], external: [] } : await findCoverageOfPerson(person.id, sql);
  const category = req.beneficiary.category;
  // cl. 4 note, SPEC §2: a student's payment is the full price, a first half, or the second half of the
  // person's unfinished student policy — the sum decides unless the channel asked the payer.
  let stage: StudentPaymentStage | null = null;
  if (isStudentCategory(category)) {
    const prisma = tx!; // a student's payment runs in a Prisma transaction (recordPaymentOnce)
    const unfinished = await findUnfinishedStudentPolicy(person.id, prisma);
    const classified = classifyStudentPayment({
      category,
      amountSom: req.amountSom,
      paidAt: req.countsFrom,
      tariffs,
      unfinishedPolicy: unfinished,
      declaredStage: req.studentStage,
    });
    if (!classified.ok) {
      if (classified.refusals.some((r) => r.code === "STUDENT_PAYMENT_WRONG_AMOUNT"))
        return refuse({
          outcome: "wrong_amount",
          paymentDay: classified.paymentDay,
          expectedSom: nearestAcceptedSum(classified.acceptedSums, req.amountSom),
        });
      return refuse({ outcome: "refused", paymentDay: classified.paymentDay, refusals: classified.refusals });
    }
    if (classified.stage === "SECOND_INSTALMENT") {
      const issued = await extendStudentPolicy(prisma, req, unfinished!, classified);
      await req.afterIssue?.(prisma, issued);
      return { outcome: "created", ...issued };
    }
    stage = classified.stage;
  }
  const plan = planFor(req, { ...person, birthDate: fromDbDateOrNull(person.birthDate) }, coverage, tariffs, stage);
  if (!plan.ok) return refuse(plan.result);
  const issued = (await issueWithPlan(sql, req, person.id, plan, stage, tariffs))!;
  if (req.afterIssue) await req.afterIssue(tx!, issued); // afterIssue runs in a Prisma transaction (recordPaymentOnce)
  return { outcome: "created", ...issued };
}

/** The rules' decision for this payment (cl. 4–5, SPEC §2–3): the plan, or the refusal to answer with. */
function planFor(
  req: DatedRequest,
  person: { birthDate: CalendarDate | null; sex: Sex | null },
  coverage: CoverageInput,
  tariffs: (TariffRow & { id: number })[],
  stage: StudentPaymentStage | null,
) {
  const plan = planPurchase({
    person: {
      category: req.beneficiary.category,
      birthDate: person.birthDate,
      sex: person.sex,
      hasIdentityDocument: req.hasIdentityDocument ?? true,
    },
    termMonths: stage === null ? req.termMonths : STUDENT_TERM_MONTHS,
    paidAt: req.countsFrom,
    coverage,
    tariffs,
    payInInstalments: stage === "FIRST_INSTALMENT",
  });
  const refused = (result: RecordPaymentResult) => ({ ok: false as const, result });
  if (!plan.ok) return refused({ outcome: "refused", paymentDay: plan.paymentDay, refusals: plan.refusals });
  if (plan.priceSom !== req.amountSom)
    return refused({ outcome: "wrong_amount", paymentDay: plan.paymentDay, expectedSom: plan.priceSom });
  return plan;
}

/**
 * Writes the planned policy and its payment (one statement); null — nothing written — when a `new` payer was registered
 * meanwhile, or a `read` one has changed since.
 */
async function issueWithPlan(
  sql: SqlTx,
  req: DatedRequest,
  personId: string,
  plan: Extract<ReturnType<typeof planFor>, { ok: true }>,
  stage: StudentPaymentStage | null,
  tariffs: (TariffRow & { id: number })[],
  payer?: StatementPayer,
): Promise<IssuedPolicy | null> {
  const tariff = plan.tariff
    ? tariffs.find(
        (t) =>
          t.category === plan.tariff!.category &&
          t.termMonths === plan.tariff!.termMonths &&
          t.effectiveFrom === plan.tariff!.effectiveFrom,
      )
    : null;
  // The policy's price is the whole price, also when only its first half is paid now (its payments sum to it).
  const priceSom = plan.instalments?.totalSom ?? plan.priceSom;
  const written = await issueInOneStatement(
    sql,
    req,
    { personId, plan, stage, priceSom, tariffId: tariff?.id ?? null },
    payer,
  );
  if (!written) return null;
  return {
    ...written,
    studentStage: stage,
    paymentDay: plan.paymentDay,
    validFrom: plan.validFrom,
    validTo: plan.validTo,
    amountSom: req.amountSom,
  };
}

/**
 * A payer the register did not know a moment ago (the caller's lookup, `beneficiaryUnknown`): registered together with
 * the policy, the payment, the SMS outbox and the audit rows in ONE statement, which commits on its own (issue 17:
 * a first-time buyer was four round trips in a transaction). Nobody to lock: a person who does not exist holds no
 * policy, no external coverage and no payment, so the rules see exactly what the transaction would. When the PIN was
 * registered meanwhile, a payment already recorded under this transaction id is the answer (a concurrent duplicate:
 * one read, not the transaction's five round trips — which would answer the same). Returns null — and has written
 * nothing — when this path cannot decide alone: the PIN was registered meanwhile by another payment, or the rules
 * would refuse (the transaction decides and answers refusals, replays included).
 */
async function issueForNewPayer(
  req: DatedRequest,
  tariffs: (TariffRow & { id: number })[],
): Promise<RecordPaymentResult | null> {
  const record = newPersonRecord(req.beneficiary);
  const plan = planFor(req, record, { policies: [], external: [] }, tariffs, null);
  if (!plan.ok) return null;
  const issued = await issueWithPlan(sqlRows, req, record.id, plan, null, tariffs, { kind: "new", record });
  return issued ? { outcome: "created", ...issued } : existingOutcome(req);
}

/**
 * A payer the caller has just read with what they hold (`beneficiaryKnown`, a terminal's sale: a renewal): the rules
 * decide on that read, and ONE statement, which commits on its own, locks the payer and writes the policy, the payment,
 * the SMS outbox and the audit rows — if, under the lock, their policies, birth date and sex are still what was read
 * and no coverage from another source has appeared (LOCK_UNCHANGED_PAYER_SQL). Issue 17: the transaction was five
 * round trips (BEGIN, the lock, the coverage, the write, COMMIT) with the person locked across them. When the read is
 * stale or the rules refuse, a payment already recorded under this transaction id is the answer (a terminal's retry, a
 * concurrent duplicate: one read — the transaction would answer the same for a payer it did not register). Returns
 * null — and has written nothing — when this path cannot decide alone: the read is stale (a payment for them
 * meanwhile), they have coverage from another source or no name the payment would give them, or the rules would
 * refuse (the transaction decides and answers refusals).
 */
async function issueForKnownPayer(
  req: DatedRequest,
  tariffs: (TariffRow & { id: number })[],
  known: KnownPayer,
): Promise<RecordPaymentResult | null> {
  if (known.coverage.external.length > 0) return null;
  if (known.nameless && req.beneficiary.lastName.trim() && req.beneficiary.firstName.trim()) return null;
  const plan = planFor(req, known, known.coverage, tariffs, null);
  if (!plan.ok) return existingOutcome(req);
  const issued = await issueWithPlan(sqlRows, req, known.id, plan, null, tariffs, { kind: "read", known });
  return issued ? { outcome: "created", ...issued } : existingOutcome(req);
}

export async function recordPayment(req: RecordPaymentRequest): Promise<RecordPaymentResult> {
  const result = await recordPaymentOnce(req);
  // Issue 16 metrics: a payment accepted (not a replay) per channel; refusals by the rules' codes.
  if (result.outcome === "created") countPaymentAccepted(req.channel);
  else if (result.outcome === "refused") countRefusals(result.refusals.map((r) => r.code));
  else if (result.outcome === "wrong_amount") countRefusals(["WRONG_AMOUNT"]);
  return result;
}
