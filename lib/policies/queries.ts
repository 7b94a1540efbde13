import "server-only";
import { writeAccessDenied } from "@/lib/audit/mutations";
import {
  canUseClinicWorkspace,
  canViewOfficeRecords,
  canUseOfficeWorkspace,
  type StaffUser,
} from "@/lib/auth/permissions";
import { db, prepared, readSqlRows, sqlRows, type SqlTx } from "@/lib/db";
import { perTurn } from "@/lib/db/per-turn";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/full-name";
import {
  findPersonByAccount,
  findPersonIdByDocumentNumber,
  personByAccount,
  PERSON_ROW_COLUMNS,
  PIN_SHAPE,
  type PersonByAccount,
  type PersonRow,
} from "@/lib/people/queries";
import { handoverSelect, toHandoverView } from "./paper/queries";
import {
  COVERAGE_BY_PERSON_ID_SQL,
  COVERAGE_BY_PINS_SQL,
  COVERAGE_COLUMNS,
  toCoverageInput,
  type CoverageRow,
} from "./status-sql";
import type { OfficePolicyView, PolicyRowView } from "./view-models";
import {
  STUDENT_CATEGORIES,
  bishkekDate,
  insuredStatusOn,
  tariffsInForce,
  type CalendarDate,
  type CoverageInput,
  type InsuredStatus,
  type TariffRow,
  type UnfinishedStudentPolicy,
  type Category,
} from "@/lib/rules";

const JOURNAL_PAGE_SIZE = 50;

const journalSelect = {
  id: true,
  number: true,
  category: true,
  termMonths: true,
  priceSom: true,
  status: true,
  validFrom: true,
  validTo: true,
  channel: true,
  createdAt: true,
  person: { select: { pin: true, lastName: true, firstName: true, patronymic: true } },
} as const;

type JournalRow = Prisma.PolicyGetPayload<{ select: typeof journalSelect }>;

function toPolicyRowView(r: JournalRow): PolicyRowView {
  return {
    id: r.id,
    number: r.number,
    category: r.category,
    termMonths: r.termMonths,
    priceSom: r.priceSom,
    status: r.status,
    validFrom: fromDbDateOrNull(r.validFrom),
    validTo: fromDbDateOrNull(r.validTo),
    createdAt: r.createdAt.toISOString(),
    holder: fullName(r.person),
    pin: r.person.pin,
  };
}

/**
 * The issuance journal of the clerk's own office (cl. 16), newest first. The office is in the `where`: a clerk
 * can never list another office's policies, whatever they pass.
 */
export async function findOfficeJournal(user: StaffUser, page = 1): Promise<{ rows: PolicyRowView[]; total: number }> {
  if (!canUseOfficeWorkspace(user)) return { rows: [], total: 0 };
  const where = { officeId: user.officeId! };
  const [rows, total] = await Promise.all([
    db.policy.findMany({
      where,
      select: journalSelect,
      orderBy: { createdAt: "desc" },
      take: JOURNAL_PAGE_SIZE,
      skip: (Math.max(1, page) - 1) * JOURNAL_PAGE_SIZE,
    }),
    db.policy.count({ where }),
  ]);
  return { rows: rows.map(toPolicyRowView), total };
}

/**
 * One policy of the clerk's office, with holder, payments and its hand-over (cl. 16); null when it does not exist
 * *or* is not theirs — and then, if it exists in another office, the attempt is audited.
 */
export async function findOfficePolicy(user: StaffUser, policyId: string): Promise<OfficePolicyView | null> {
  if (!canUseOfficeWorkspace(user) || !/^[0-9a-f-]{36}$/i.test(policyId)) return null;
  const policy = await db.policy.findFirst({
    where: { id: policyId, officeId: user.officeId! },
    include: {
      person: true,
      payments: { orderBy: { paidAt: "asc" } },
      handover: { select: handoverSelect },
    },
  });
  if (!policy || !canViewOfficeRecords(user, policy.officeId)) {
    if (await db.policy.count({ where: { id: policyId } })) {
      await writeAccessDenied({ id: user.id, label: user.login }, "office.workspace", `Policy:${policyId}`);
    }
    return null;
  }
  const p = policy.person;
  return {
    id: policy.id,
    number: policy.number,
    category: policy.category,
    termMonths: policy.termMonths,
    priceSom: policy.priceSom,
    status: policy.status,
    channel: policy.channel,
    validFrom: fromDbDateOrNull(policy.validFrom),
    validTo: fromDbDateOrNull(policy.validTo),
    madeOn: bishkekDate(policy.createdAt),
    handover: toHandoverView(policy.handover),
    holder: {
      fullName: fullName(p),
      pin: p.pin,
      documentType: p.documentType,
      documentNumber: p.documentNumber,
      birthDate: fromDbDateOrNull(p.birthDate),
      phone: p.phone,
    },
    payments: policy.payments.map((pay) => ({
      id: pay.id,
      paidAt: pay.paidAt.toISOString(),
      channel: pay.channel,
      externalTxnId: pay.externalTxnId,
      payerName: pay.payerName,
      amountSom: pay.amountSom,
    })),
  };
}

/** Free pregnancy policies registered at the doctor's own health organization (cl. 24–26). */
export async function findClinicPolicies(user: StaffUser): Promise<PolicyRowView[]> {
  if (!canUseClinicWorkspace(user)) return [];
  const rows = await db.policy.findMany({
    where: { healthOrganizationId: user.healthOrganizationId! },
    select: journalSelect,
    orderBy: { createdAt: "desc" },
    take: JOURNAL_PAGE_SIZE,
  });
  return rows.map(toPolicyRowView);
}

// ── Coverage and insured status (cl. 8, 12.2, 19) ──

/** Everything that can make a person insured: their policies and coverage from other sources (cl. 8, 12.2, 19). */
export async function findCoverageByPin(pin: string): Promise<CoverageInput> {
  return findCoverage({ pin });
}

export async function findCoverageByPersonId(id: string): Promise<CoverageInput> {
  return findCoverage({ id });
}

/**
 * Coverage of the person with this unique key (PIN, id or document), read through `client` — a transaction's client
 * when the caller holds one (PGlite has one connection). Nobody found → no coverage.
 */
export async function findCoverage(
  where: Prisma.PersonWhereUniqueInput,
  client: Prisma.TransactionClient = db,
): Promise<CoverageInput> {
  const person = await client.person.findUnique({
    where,
    select: {
      policies: { select: { number: true, status: true, validFrom: true, validTo: true } },
      externalCoverages: { select: { validFrom: true, validTo: true, source: true } },
    },
  });
  if (!person) return { policies: [], external: [] };
  return {
    policies: person.policies.map((p) => ({
      number: p.number,
      status: p.status,
      validFrom: fromDbDateOrNull(p.validFrom),
      validTo: fromDbDateOrNull(p.validTo),
    })),
    external: person.externalCoverages.map((e) => ({
      validFrom: fromDbDate(e.validFrom),
      validTo: fromDbDate(e.validTo),
      source: e.source,
    })),
  };
}

/**
 * "Is this PIN insured on that day?" An unknown PIN answers exactly like an uninsured person: the check never
 * reveals whether someone is in the register, and never returns a name (cl. 12.3).
 */
export async function checkInsuredStatus(pin: string, on: CalendarDate): Promise<InsuredStatus> {
  return insuredStatusOn(await coverageByPinInOneQuery(pin), on);
}

const COVERAGE_BY_PINS = prepared("coverage_by_pins", COVERAGE_BY_PINS_SQL);

/**
 * findCoverageByPin in one SQL statement on the pool (issue 17: the status check is the portal's hottest path; the
 * Prisma form above costs a query engine pass and two or three round trips). Same answer, field for field. The checks
 * that arrive in one turn of the event loop share that statement (`perTurn`): under load, one round trip and one
 * pooled connection answer many PINs. The public status check may read a replica (DATABASE_REPLICA_URL): a moment's
 * lag changes nothing it answers.
 */
const coverageRowByPin = perTurn(async (pins: string[]) => {
  const rows = await readSqlRows<CoverageRow & { pin: string }>(COVERAGE_BY_PINS, [pins]);
  return new Map(rows.map((row) => [row.pin, row]));
});

async function coverageByPinInOneQuery(pin: string): Promise<CoverageInput> {
  return toCoverageInput(await coverageRowByPin(pin));
}

/**
 * What a registered payer held when their payment's sale read them (issue 17): their coverage, its version
 * (Person.coverageVersion, counted by the triggers of migration 20261202120000_person_coverage_version) and whether
 * the register still lacks their name. A payment decided on it writes only while the version is unchanged (lib/payments/record-payment.ts).
 */
type PayerHeld = { coverage: CoverageInput; coverageVersion: number; nameless: boolean };
export type PayerByAccount = PersonByAccount & { held?: PayerHeld };

/** A terminal's payers by PIN with what they hold, one statement for the PINs asked in one turn of the event loop. */
export const PAYERS_BY_PINS_SQL = `SELECT ${PERSON_ROW_COLUMNS}, p."coverageVersion", ${COVERAGE_COLUMNS}
  FROM "Person" p WHERE p."pin" = ANY($1::char(14)[])`;

type PayerRow = PersonRow & CoverageRow & { coverageVersion: number };

const PAYERS_BY_PINS = prepared("payers_by_pins", PAYERS_BY_PINS_SQL);

const payerRowByPin = perTurn(async (pins: string[]) => {
  const rows = await sqlRows<PayerRow>(PAYERS_BY_PINS, [pins]);
  return new Map(rows.map((row) => [row.pin, row]));
});

/**
 * The person a terminal's account names (findPersonByAccount) and, for a PIN, what they hold — read with the person in
 * the same statement, so the payment needs no second read to decide (issue 17: a renewal at a terminal).
 */
export async function findPayerByAccount(
  account: { pin: string } | { documentNumber: string },
): Promise<PayerByAccount | null> {
  if (!("pin" in account) || !PIN_SHAPE.test(account.pin)) return findPersonByAccount(account);
  const row = await payerRowByPin(account.pin);
  if (!row) return null;
  const { coverageVersion, policies, external, ...person } = row;
  return {
    ...personByAccount(person),
    held: { coverage: toCoverageInput({ policies, external }), coverageVersion, nameless: person.lastName === "" },
  };
}

/**
 * findCoverage({ id }) in one statement (issue 17: Prisma's nested read is three round trips), read through `sql`
 * — the payment transaction's, which holds the person's lock. Same answer, field for field.
 */
export async function findCoverageOfPerson(personId: string, sql: SqlTx): Promise<CoverageInput> {
  const rows = await sql<Record<keyof CoverageRow, unknown>>(COVERAGE_BY_PERSON_ID_SQL, [personId]);
  const row = rows[0];
  if (!row) return toCoverageInput(undefined);
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  return toCoverageInput({ policies: json(row.policies), external: json(row.external) } as CoverageRow);
}

/**
 * "Is this document number insured on that day?" (SPEC §8, issue 9) — the document form of checkInsuredStatus: the
 * same document number is the same human whatever its registered type; unknown answers like uninsured.
 */
export async function checkInsuredStatusByDocument(documentNumber: string, on: CalendarDate): Promise<InsuredStatus> {
  const personId = await findPersonIdByDocumentNumber(documentNumber);
  return insuredStatusOn(personId ? await findCoverageByPersonId(personId) : { policies: [], external: [] }, on);
}

/**
 * cl. 4 note, SPEC §2: the person's latest student policy paid in part (ISSUED, confirmed payments short of its
 * price), for the second instalment — read through `client` when the caller holds a transaction. None → null.
 */
export async function findUnfinishedStudentPolicy(
  personId: string,
  client: Prisma.TransactionClient = db,
): Promise<(UnfinishedStudentPolicy & { id: string; number: string; category: Category }) | null> {
  const policies = await client.policy.findMany({
    where: { personId, status: "ISSUED", category: { in: [...STUDENT_CATEGORIES] }, validFrom: { not: null } },
    select: {
      id: true,
      number: true,
      category: true,
      priceSom: true,
      validFrom: true,
      validTo: true,
      payments: { where: { status: "CONFIRMED" }, select: { amountSom: true } },
    },
    orderBy: { validFrom: "desc" },
  });
  for (const p of policies) {
    const paidSom = p.payments.reduce((sum, x) => sum + x.amountSom, 0);
    if (paidSom > 0 && paidSom < p.priceSom && p.validTo) {
      return {
        id: p.id,
        number: p.number,
        category: p.category,
        priceSom: p.priceSom,
        paidSom,
        validFrom: fromDbDate(p.validFrom!),
        validTo: fromDbDate(p.validTo),
      };
    }
  }
  return null;
}

// ── Tariffs (cost 1.1–1.3) ──

/** findTariffRows' rows and order in plain SQL (an enum sorts in its declared order, as Prisma's orderBy does). */
const TARIFF_ROWS_SQL = `SELECT "id", "category"::text AS "category", "termMonths", "priceSom",
  "effectiveFrom"::text AS "effectiveFrom", "effectiveTo"::text AS "effectiveTo", "legalBasisRu", "legalBasisKy"
  FROM "Tariff" ORDER BY "Tariff"."effectiveFrom", "Tariff"."category", "Tariff"."termMonths"`;
const TARIFF_ROWS = prepared("tariff_rows", TARIFF_ROWS_SQL);

/**
 * The tariff table, read once for the requests that ask for it in one turn of the event loop (issue 17: at a
 * terminals' burst, one statement instead of one a payment). Each request still reads after it arrived; the rows
 * are frozen, as the requests share them.
 */
const tariffTablePerTurn = perTurn(async () => {
  const rows = await sqlRows<TariffRow & { id: number }>(TARIFF_ROWS, []);
  // frozen at run time (a caller that sorted the shared rows in place would throw), typed as findTariffRows returns
  return new Map([[0, Object.freeze(rows.map((r) => Object.freeze(r))) as (TariffRow & { id: number })[]]]);
});

/**
 * The tariff table as lib/rules wants it (with the row ids, for Policy.tariffId). Rows are few (one per category,
 * term and order), so all are read — through `client` when the caller holds a transaction.
 */
export async function findTariffRows(client: Prisma.TransactionClient = db): Promise<(TariffRow & { id: number })[]> {
  // Outside a transaction (every terminal request, issue 17): one plain statement on the pool, not the query engine,
  // shared by the requests that asked in the same turn of the event loop.
  if (client === db) return (await tariffTablePerTurn(0))!;
  const rows = await client.tariff.findMany({
    orderBy: [{ effectiveFrom: "asc" }, { category: "asc" }, { termMonths: "asc" }],
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

/** Tariffs in force on a day (GET /api/v1/tariffs); which row is in force is the rules module's answer. */
export async function findTariffsInForce(on: CalendarDate) {
  return tariffsInForce(await findTariffRows(), on);
}
