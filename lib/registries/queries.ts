import "server-only";
import { readDb } from "@/lib/db";
import { fromDbDateOrNull } from "@/lib/db/calendar";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegistryKind } from "./registry.schema";

// The national registries (issue 15): persons, policies and payments, newest first, 50 a page, searched by PIN,
// document number, policy number or a payment's receipt number (its providerNumber) or the channel's transaction id.
// National scope: the callers hold `fund.registries` (lib/auth/permissions.ts). Each search is an index lookup and each
// page an index scan (see the benchmark, tests/bench/dashboard.ts); the SQL is built here so that it is the same there.

const REGISTRY_PAGE_SIZE = 50;
/** The CSV of one list stops here (a national list is for counting, not for copying the registry out). */
export const REGISTRY_CSV_MAX_ROWS = 100_000;

export type RegistrySearch = { text?: string };

const PIN = /^\d{14}$/;
const RECEIPT = /^\d{1,9}$/;

function personIdsFor(text: string): Prisma.Sql {
  if (PIN.test(text)) return Prisma.sql`SELECT "id" FROM "Person" WHERE "pin" = ${text}`;
  return Prisma.sql`SELECT "id" FROM "Person" WHERE "documentNumber" IN (${text}, ${text.toUpperCase()})
    UNION SELECT "personId" FROM "Policy" WHERE "number" IN (${text}, ${text.toUpperCase()})`;
}

function policyIdsFor(text: string): Prisma.Sql {
  const byPerson = Prisma.sql`SELECT "id" FROM "Policy" WHERE "personId" IN (${personIdsFor(text)})`;
  if (PIN.test(text)) return byPerson;
  return Prisma.sql`SELECT "id" FROM "Policy" WHERE "number" IN (${text}, ${text.toUpperCase()}) UNION ${byPerson}`;
}

function paymentIdsFor(text: string): Prisma.Sql {
  const byPolicy = Prisma.sql`SELECT "id" FROM "Payment" WHERE "policyId" IN (${policyIdsFor(text)})`;
  if (PIN.test(text)) return byPolicy;
  const byReceipt = RECEIPT.test(text)
    ? Prisma.sql`SELECT "id" FROM "Payment" WHERE "providerNumber" = ${Number(text)} UNION `
    : Prisma.empty;
  return Prisma.sql`${byReceipt}SELECT "id" FROM "Payment" WHERE "externalTxnId" = ${text} UNION ${byPolicy}`;
}

const where = (ids: Prisma.Sql | null) => (ids ? Prisma.sql`WHERE "id" IN (${ids})` : Prisma.empty);

/**
 * The page's ids first — an index-only scan of (createdAt|paidAt, id) down to the page, however deep — and only
 * those rows joined to their person, policy and office.
 */
const pageOf = (table: string, order: string, ids: Prisma.Sql | null, limit: Prisma.Sql) =>
  Prisma.sql`(SELECT "id" FROM ${Prisma.raw(`"${table}"`)} ${where(ids)} ORDER BY ${Prisma.raw(`"${order}" DESC, "id" DESC`)} ${limit})`;

/** One page (plus one row, to know whether another follows) of a registry list. */
export function registrySql(
  kind: RegistryKind,
  search: RegistrySearch,
  page: number,
  size = REGISTRY_PAGE_SIZE,
): Prisma.Sql {
  const text = search.text?.trim() || null;
  const limit = Prisma.sql`LIMIT ${size + 1} OFFSET ${(page - 1) * size}`;
  switch (kind) {
    case "persons":
      return Prisma.sql`SELECT pe."id", pe."pin", concat_ws(' ', pe."lastName", pe."firstName", pe."patronymic") AS "name",
          to_char(pe."birthDate", 'YYYY-MM-DD') AS "birthDate", pe."category"::text AS "category",
          pe."documentNumber", to_char(pe."createdAt" AT TIME ZONE 'Asia/Bishkek', 'YYYY-MM-DD') AS "createdOn"
        FROM ${pageOf("Person", "createdAt", text ? personIdsFor(text) : null, limit)} pg
          JOIN "Person" pe ON pe."id" = pg."id"
        ORDER BY pe."createdAt" DESC, pe."id" DESC`;
    case "policies":
      return Prisma.sql`SELECT po."id", po."number", po."status"::text AS "status", po."category"::text AS "category",
          po."channel"::text AS "channel", to_char(po."validFrom", 'YYYY-MM-DD') AS "validFrom",
          to_char(po."validTo", 'YYYY-MM-DD') AS "validTo", po."priceSom", o."code" AS "office", pe."pin",
          concat_ws(' ', pe."lastName", pe."firstName") AS "holder"
        FROM ${pageOf("Policy", "createdAt", text ? policyIdsFor(text) : null, limit)} pg
          JOIN "Policy" po ON po."id" = pg."id"
          JOIN "Person" pe ON pe."id" = po."personId"
          LEFT JOIN "TerritorialOffice" o ON o."id" = po."officeId"
        ORDER BY po."createdAt" DESC, po."id" DESC`;
    case "payments":
      return Prisma.sql`SELECT pa."id", pa."providerNumber", pa."channel"::text AS "channel", pa."externalTxnId",
          pa."amountSom", to_char(pa."paidAt" AT TIME ZONE 'Asia/Bishkek', 'YYYY-MM-DD HH24:MI') AS "paidAt",
          pa."status"::text AS "status", po."number" AS "policyNumber", pe."pin"
        FROM ${pageOf("Payment", "paidAt", text ? paymentIdsFor(text) : null, limit)} pg
          JOIN "Payment" pa ON pa."id" = pg."id"
          LEFT JOIN "Policy" po ON po."id" = pa."policyId"
          LEFT JOIN "Person" pe ON pe."id" = po."personId"
        ORDER BY pa."paidAt" DESC, pa."id" DESC`;
  }
}

export type PersonRow = {
  id: string;
  pin: string | null;
  name: string;
  birthDate: string | null;
  category: string;
  documentNumber: string | null;
  createdOn: string;
};
export type PolicyRow = {
  id: string;
  number: string;
  status: string;
  category: string;
  channel: string;
  validFrom: string | null;
  validTo: string | null;
  priceSom: number;
  office: string | null;
  pin: string | null;
  holder: string;
};
export type PaymentRow = {
  id: string;
  providerNumber: number;
  channel: string;
  externalTxnId: string;
  amountSom: number;
  paidAt: string;
  status: string;
  policyNumber: string | null;
  pin: string | null;
};
export type RegistryRows = { persons: PersonRow[]; policies: PolicyRow[]; payments: PaymentRow[] };

/** A page of a registry: its rows and whether a next page exists (no count(*) over a million rows). */
export async function listRegistry<K extends RegistryKind>(kind: K, search: RegistrySearch, page: number) {
  const rows = await readDb.$queryRaw<RegistryRows[K]>(registrySql(kind, search, page));
  return { rows: rows.slice(0, REGISTRY_PAGE_SIZE) as RegistryRows[K], hasNext: rows.length > REGISTRY_PAGE_SIZE };
}

/** Every row of a list for its CSV, in batches (never the whole list in memory), up to REGISTRY_CSV_MAX_ROWS. */
export async function* registryRowsForExport<K extends RegistryKind>(kind: K, search: RegistrySearch) {
  const batch = 1000;
  for (let page = 1; (page - 1) * batch < REGISTRY_CSV_MAX_ROWS; page++) {
    const rows = await readDb.$queryRaw<RegistryRows[K]>(registrySql(kind, search, page, batch));
    for (const r of rows.slice(0, batch)) yield r as RegistryRows[K][number];
    if (rows.length <= batch) return;
  }
}

/** A person's record with dates as 'YYYY-MM-DD' (the screens never see a database Date). */
export async function findPersonRecord(id: string) {
  const p = await readDb.person.findUnique({
    where: { id },
    select: {
      id: true,
      pin: true,
      lastName: true,
      firstName: true,
      patronymic: true,
      birthDate: true,
      sex: true,
      category: true,
      citizenship: true,
      documentType: true,
      documentNumber: true,
      createdAt: true,
      policies: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, number: true, status: true, validFrom: true, validTo: true },
      },
    },
  });
  return (
    p && {
      ...p,
      birthDate: fromDbDateOrNull(p.birthDate),
      policies: p.policies.map((po) => ({
        ...po,
        validFrom: fromDbDateOrNull(po.validFrom),
        validTo: fromDbDateOrNull(po.validTo),
      })),
    }
  );
}

export async function findPolicyRecord(id: string) {
  const p = await readDb.policy.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      category: true,
      channel: true,
      termMonths: true,
      priceSom: true,
      validFrom: true,
      validTo: true,
      createdAt: true,
      office: { select: { nameRu: true, nameKy: true } },
      person: { select: { id: true, pin: true, lastName: true, firstName: true, patronymic: true } },
      payments: {
        orderBy: { paidAt: "asc" },
        select: { id: true, providerNumber: true, channel: true, amountSom: true, paidAt: true, status: true },
      },
    },
  });
  return p && { ...p, validFrom: fromDbDateOrNull(p.validFrom), validTo: fromDbDateOrNull(p.validTo) };
}

export function findPaymentRecord(id: string) {
  return readDb.payment.findUnique({
    where: { id },
    select: {
      id: true,
      providerNumber: true,
      channel: true,
      externalTxnId: true,
      amountSom: true,
      refundedSom: true,
      paidAt: true,
      receivedAt: true,
      status: true,
      payerName: true,
      account: true,
      office: { select: { nameRu: true, nameKy: true } },
      policy: {
        select: {
          id: true,
          number: true,
          person: { select: { id: true, pin: true, lastName: true, firstName: true, patronymic: true } },
        },
      },
    },
  });
}
