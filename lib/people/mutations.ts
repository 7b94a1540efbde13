import "server-only";
import type { AuditActor } from "@/lib/audit/mutations";
import { writeAudit } from "@/lib/audit/mutations";
import { randomUUID } from "node:crypto";
import { db, sqlOn, type SqlTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import type { DocumentType, Sex, Category } from "@/lib/generated/prisma/client";
import { normalizeDocumentNumber, parsePin, type CalendarDate } from "@/lib/rules";

/** appendix, algorithm 4: the document type of a foreigner registered from a terminal's document number */
const DOCUMENT_TO_COMPLETE: DocumentType = "FOREIGN_DOCUMENT_TO_COMPLETE";

export type PersonIdentity = {
  pin?: string | null;
  documentType?: DocumentType | null;
  documentNumber?: string | null;
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  /**
   * required when there is no PIN (a PIN carries sex and date of birth, SPEC §8) — except for a foreigner registered
   * from a terminal's document number (documentType FOREIGN_DOCUMENT_TO_COMPLETE, README I23): a ТУ completes them
   */
  birthDate?: CalendarDate | null;
  sex?: Sex | null;
  category: Category;
  citizenship?: string | null;
  phone?: string | null;
};

/** The locked row: birth date and sex are null only for a foreigner to be completed (README I23). */
type LockedPerson = {
  id: string;
  pin: string | null;
  birthDate: Date | null;
  sex: Sex | null;
  category: Category;
  /** inserted by this transaction: nothing else can have been recorded for them yet */
  createdNow?: true;
};

/** The row as the statements below return it: the same shape from pg and from Prisma's raw query. */
type PersonRow = {
  id: string;
  pin: string | null;
  birthDate: string | null;
  sex: Sex | null;
  category: Category;
  nameless: boolean;
};
const PERSON_ROW = `"id"::text AS "id", "pin"::text AS "pin", "birthDate"::text AS "birthDate", "sex"::text AS "sex",
  "category"::text AS "category", ("lastName" = '') AS "nameless"`;

function lockedPerson(row: PersonRow, createdNow = false): LockedPerson {
  return {
    id: row.id,
    pin: row.pin,
    birthDate: row.birthDate ? toDbDate(row.birthDate as CalendarDate) : null,
    sex: row.sex,
    category: row.category,
    ...(createdNow ? { createdNow: true as const } : {}),
  };
}

/**
 * A payer's row is locked FOR NO KEY UPDATE, the lock an UPDATE of their row takes: two payments, a clerk's or a
 * doctor's writer (lockPeople, FOR UPDATE) and a contract import's batch still wait for each other, but not for the
 * foreign key's KEY SHARE that the registry import (lib/coverage) holds on every person it applies rows to, for the
 * tens of seconds its one transaction lasts. The payment is then decided on the coverage before the import, as a
 * payment a moment earlier; FOR UPDATE would wait for the whole import, up to the connection's lock_timeout, and fail.
 */
async function lockByPin(sql: SqlTx, pin: string): Promise<PersonRow | null> {
  const [row] = await sql<PersonRow>(`SELECT ${PERSON_ROW} FROM "Person" WHERE "pin" = $1 FOR NO KEY UPDATE`, [pin]);
  return row ?? null;
}

/**
 * Locks these people — by id, by PIN, and the holders of these policies — in the order the contract import's batches
 * keep (PIN, then id; lib/contracts; a person without a PIN last), and answers the ids locked. Called before a policy
 * is changed or issued outside a payment, and by a merge of records: the trigger "Policy_coverage_version" then
 * updates its holder, and a holder first locked after the policy would reverse the order a payment keeps (the person,
 * then their policy) — two such transactions could deadlock; and the coverage read under the lock is the one the
 * decision stands on.
 *
 * The holders are read again once the locks are held: a merge of two records (completePersonWithPin) that moved the
 * policy while this statement waited leaves the old holder deleted and the new one unlocked — it is locked then (after
 * the others, out of PIN order: a deadlock that PostgreSQL would break by failing one of the two, in a rare race).
 */
export async function lockPeople(
  sql: SqlTx,
  who: { ids?: string[]; pins?: string[]; holdersOf?: { policyIds?: string[]; policyNumbers?: string[] } },
): Promise<string[]> {
  const policyIds = who.holdersOf?.policyIds ?? [];
  const policyNumbers = who.holdersOf?.policyNumbers ?? [];
  const locked: string[] = [];
  let ids = who.ids ?? [];
  let pins = who.pins ?? [];
  for (let round = 0; ; round++) {
    // the holders as an array, not `IN (subquery)`: inside an OR that is a filter on every person, not an index lookup
    const rows = await sql<{ id: string }>(
      `SELECT "id" FROM "Person"
        WHERE "id" = ANY($1::uuid[]) OR "pin" = ANY($2::char(14)[])
           OR "id" = ANY(ARRAY(SELECT "personId" FROM "Policy" WHERE "id" = ANY($3::uuid[]) OR "number" = ANY($4::text[])))
        ORDER BY "pin", "id" FOR UPDATE`,
      [ids, pins, round === 0 ? policyIds : [], round === 0 ? policyNumbers : []],
    );
    locked.push(...rows.map((r) => r.id).filter((id) => !locked.includes(id)));
    if (policyIds.length + policyNumbers.length === 0) return locked;
    const holders = await sql<{ personId: string }>(
      `SELECT DISTINCT "personId" FROM "Policy" WHERE "id" = ANY($1::uuid[]) OR "number" = ANY($2::text[])`,
      [policyIds, policyNumbers],
    );
    const unlocked = holders.map((h) => h.personId).filter((id) => !locked.includes(id));
    if (unlocked.length === 0) return locked;
    // never quietly without a holder's lock: a policy moved three times over is an error the caller's user retries
    if (round === 2) throw new Error("lockPeople: the policies' holders kept changing while they were locked");
    ids = unlocked;
    pins = [];
  }
}

/**
 * A PIN registered by the external-coverage registry carries no name (README I39): the first purchase or
 * registration that brings one completes the record (the locked row says whether it has one: no write else).
 */
async function nameIfNameless(sql: SqlTx, row: PersonRow, who: PersonIdentity): Promise<void> {
  if (!row.nameless || !who.lastName.trim() || !who.firstName.trim()) return;
  await sql(
    `UPDATE "Person" SET "lastName" = $2, "firstName" = $3, "patronymic" = $4, "updatedAt" = now()
      WHERE "id" = $1::uuid AND "lastName" = '' RETURNING 1 AS "one"`,
    [row.id, who.lastName, who.firstName, who.patronymic ?? null],
  );
}

/**
 * The same document number is the same human, whatever type it was registered with (issue 9): a person with a PIN
 * first, then the earliest registered.
 */
async function lockByDocumentNumber(sql: SqlTx, documentNumber: string): Promise<LockedPerson | null> {
  const [row] = await sql<PersonRow>(
    `SELECT ${PERSON_ROW} FROM "Person" WHERE "documentNumber" = $1
      ORDER BY ("pin" IS NULL), "createdAt", "id" LIMIT 1 FOR NO KEY UPDATE`,
    [documentNumber],
  );
  return row ? lockedPerson(row) : null;
}

/**
 * A new person's row, its 12 parameters numbered from `first` (a statement may carry others before them): the id
 * (made here: the schema's uuid() is Prisma's), then the record — `NewPersonRecord.params`.
 */
export function insertPersonSql(first = 1): string {
  const $ = (i: number) => `$${first + i}`;
  return `INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "patronymic", "birthDate", "sex",
    "category", "citizenship", "documentType", "documentNumber", "phone", "updatedAt")
  VALUES (${$(0)}::uuid, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}::date, ${$(6)}::"Sex", ${$(7)}::"Category",
          ${$(8)}, ${$(9)}::"DocumentType", ${$(10)}, ${$(11)}, now())`;
}
const INSERT_PERSON = insertPersonSql();

/** A person as they would be registered: the id made for them, what their PIN says, the insert's parameters. */
export type NewPersonRecord = {
  id: string;
  pin: string | null;
  documentNumber: string | null;
  birthDate: CalendarDate | null;
  sex: Sex | null;
  params: unknown[];
};

/** What a person is found by: the PIN trimmed, the document number normalized (null when absent). */
function identityKeys(who: PersonIdentity): { pin: string | null; documentNumber: string | null } {
  return {
    pin: who.pin?.trim() || null,
    documentNumber: who.documentNumber ? normalizeDocumentNumber(who.documentNumber) : null,
  };
}

/**
 * Found, locked or registered by the PIN alone — a PIN and no document number: ONE statement locks or registers them
 * (findOrCreatePersonForUpdate), and a payer unknown to the register can be issued in one statement
 * (lib/payments/record-payment.ts).
 */
export function identifiedByPinOnly(who: PersonIdentity): boolean {
  const { pin, documentNumber } = identityKeys(who);
  return !!pin && !documentNumber;
}

/**
 * The record a person is registered with: sex and date of birth from the PIN unless given (SPEC §8), the document
 * number normalized, citizenship KG for a citizen unless given. Refuses an identity no record can be made of.
 */
export function newPersonRecord(who: PersonIdentity): NewPersonRecord {
  const { pin, documentNumber } = identityKeys(who);
  let sex = who.sex ?? null;
  let birthDate = who.birthDate ?? null;
  if (pin) {
    const parsed = parsePin(pin);
    if (parsed.ok) {
      sex ??= parsed.sex;
      birthDate ??= parsed.birthDate;
    }
  }
  if (!pin && !(who.documentType && documentNumber)) throw new Error("A person needs a PIN or a document");
  if ((!sex || !birthDate) && (pin || who.documentType !== DOCUMENT_TO_COMPLETE))
    throw new Error("A person without a PIN needs sex and date of birth");
  const id = randomUUID();
  const params = [
    id,
    pin,
    who.lastName,
    who.firstName,
    who.patronymic ?? null,
    birthDate,
    sex,
    who.category,
    who.citizenship ?? (who.category === "CITIZEN" ? "KG" : null),
    who.documentType ?? null,
    documentNumber,
    who.phone ?? null,
  ];
  return { id, pin, documentNumber, birthDate, sex, params };
}

/**
 * The PIN's holder locked, registered first when the register does not know them — ONE statement (issue 17: a
 * terminal's payer was a locked read and then an insert). ON CONFLICT DO UPDATE locks the holder's row as an UPDATE
 * of the columns it sets would: "updatedAt", not a key, so FOR NO KEY UPDATE, as lockByPin (a concurrent registration
 * of the same PIN waits for the first to commit, then finds its row); it sets the column to itself, so nothing
 * changes. The row says whether it is this statement's (the id made here) and whether it still lacks a name.
 */
const UPSERT_PERSON_BY_PIN = `${INSERT_PERSON}
  ON CONFLICT ("pin") DO UPDATE SET "updatedAt" = "Person"."updatedAt"
  RETURNING ${PERSON_ROW}`;

/**
 * Finds the person by PIN (or, for a foreigner without one, by document number) or registers them, and locks their
 * row for the rest of the transaction: two payments for the same person are then decided one after the other, so the
 * second sees the first's policy (renewal, second instalment or POLICY_ALREADY_PAID) instead of both passing the
 * check. A PIN that arrives with the document number of a person registered without a PIN completes that person
 * instead of registering a second one. Plain statements (`sqlOn(tx)` inside a Prisma transaction, or the pg
 * connection of `sqlTransaction`, lib/db).
 */
export async function findOrCreatePersonForUpdate(sql: SqlTx, who: PersonIdentity): Promise<LockedPerson> {
  const { id, pin, documentNumber, birthDate, sex, params: record } = newPersonRecord(who);

  if (identifiedByPinOnly(who)) {
    const [row] = await sql<PersonRow>(UPSERT_PERSON_BY_PIN, record);
    if (!row) throw new Error("The person could not be registered");
    const createdNow = row.id === id;
    if (!createdNow) await nameIfNameless(sql, row, who);
    return lockedPerson(row, createdNow);
  }

  if (pin) {
    const found = await lockByPin(sql, pin);
    if (found) {
      await nameIfNameless(sql, found, who);
      return lockedPerson(found);
    }
    const byDocument = await lockByDocumentNumber(sql, documentNumber!);
    if (byDocument && byDocument.pin === null) {
      await sql(
        `UPDATE "Person" SET "pin" = $2, "birthDate" = $3::date, "sex" = $4::"Sex", "updatedAt" = now()
          WHERE "id" = $1::uuid RETURNING 1 AS "one"`,
        [byDocument.id, pin, birthDate, sex],
      );
      return { ...byDocument, pin, birthDate: birthDate ? toDbDate(birthDate) : null, sex };
    }
  } else {
    const known = await lockByDocumentNumber(sql, documentNumber!);
    if (known) return known;
  }

  // A new person is inserted (ON CONFLICT DO NOTHING: safe when the same new person arrives twice at once) and then
  // found and locked the same way. A row this statement inserted is this transaction's own until it commits.
  const [created] = await sql<PersonRow>(`${INSERT_PERSON} ON CONFLICT DO NOTHING RETURNING ${PERSON_ROW}`, record);
  if (created) return lockedPerson(created, true);
  const byPin = pin ? await lockByPin(sql, pin) : null;
  const person = byPin ? lockedPerson(byPin) : await lockByDocumentNumber(sql, documentNumber!);
  if (!person) throw new Error("The person could not be registered");
  return person;
}

export type CompletePersonInput = {
  personId: string;
  pin: string;
  /** the document the clerk saw, replacing FOREIGN_DOCUMENT_TO_COMPLETE; omitted: the type stays as it is */
  documentType?: DocumentType;
  actor: AuditActor;
};

export type CompletePersonResult =
  | { ok: true; personId: string; merged: boolean }
  | { ok: false; code: "NOT_FOUND" | "INVALID_PIN" | "HAS_OTHER_PIN" | "PIN_MISMATCH" };

/**
 * A ТУ clerk adds the PIN to a foreigner registered without one (appendix, algorithm 4; issue 9). Nothing is ever
 * duplicated: with nobody holding that PIN, the person gets it (and the birth date and sex it carries); when another
 * person already holds it, the two records are one human — the document person's policies and coverage move to the
 * PIN holder, who keeps the document if they had none, and the document-only record goes. Repeating it changes
 * nothing. One transaction, both rows locked, audited.
 */
export async function completePersonWithPin(input: CompletePersonInput): Promise<CompletePersonResult> {
  const parsed = parsePin(input.pin);
  if (!parsed.ok) return { ok: false, code: "INVALID_PIN" };
  const pin = input.pin;
  return db.$transaction(async (tx) => {
    // both records at once, in lockPeople's order (the PIN's holder first): a re-issue or a payment for either waits
    await lockPeople(sqlOn(tx), { ids: [input.personId], pins: [pin] });
    const [person] = await tx.$queryRaw<
      (LockedPerson & { documentType: DocumentType | null; documentNumber: string | null })[]
    >`
      SELECT "id", "pin", "birthDate", "sex", "category", "documentType", "documentNumber" FROM "Person"
      WHERE "id" = ${input.personId}::uuid`;
    if (!person) return { ok: false, code: "NOT_FOUND" } as const;
    if (person.pin === pin) return { ok: true, personId: person.id, merged: false } as const;
    if (person.pin !== null) return { ok: false, code: "HAS_OTHER_PIN" } as const;
    const birthDate = fromDbDateOrNull(person.birthDate);
    if ((birthDate && birthDate !== parsed.birthDate) || (person.sex && person.sex !== parsed.sex))
      return { ok: false, code: "PIN_MISMATCH" } as const;

    const holder = await lockByPin(sqlOn(tx), pin); // already ours (above)
    if (!holder) {
      await tx.person.update({
        where: { id: person.id },
        data: {
          pin,
          birthDate: toDbDate(parsed.birthDate),
          sex: parsed.sex,
          ...(input.documentType ? { documentType: input.documentType } : {}),
        },
      });
      await writeAudit(tx, {
        actor: input.actor,
        action: "person.complete",
        entity: "Person",
        entityId: person.id,
        after: { pinAdded: true, documentType: input.documentType ?? person.documentType },
      });
      return { ok: true, personId: person.id, merged: false } as const;
    }

    const holderRow = await tx.person.findUniqueOrThrow({ where: { id: holder.id } });
    // one after the other: a transaction is one connection (pg refuses overlapping queries on one client from v9)
    const policies = await tx.policy.updateMany({ where: { personId: person.id }, data: { personId: holder.id } });
    const coverages = await tx.externalCoverage.updateMany({
      where: { personId: person.id },
      data: { personId: holder.id },
    });
    await tx.person.delete({ where: { id: person.id } });
    if (!holderRow.documentNumber && person.documentNumber) {
      await tx.person.update({
        where: { id: holder.id },
        data: { documentType: input.documentType ?? person.documentType, documentNumber: person.documentNumber },
      });
    }
    await writeAudit(tx, {
      actor: input.actor,
      action: "person.merge",
      entity: "Person",
      entityId: holder.id,
      before: { mergedPersonId: person.id },
      after: { policiesMoved: policies.count, coveragesMoved: coverages.count },
    });
    return { ok: true, personId: holder.id, merged: true } as const;
  });
}

export type SavePersonRecordInput = {
  personId?: string;
  category: Category;
  lastName: string;
  firstName: string;
  patronymic?: string;
  pin?: string;
  documentType?: DocumentType;
  documentNumber?: string;
  birthDate?: string;
  sex?: Sex;
  /** ISO 3166-1 alpha-2, or "STATELESS" */
  citizenship?: string;
  phone?: string;
  email?: string;
};

export type SavePersonRecordResult =
  | { ok: true; personId: string; created: boolean; merged: boolean }
  | { ok: false; code: "NOT_FOUND" | "PIN_MISMATCH" | "OTHER_PIN" | "DOCUMENT_TAKEN" };

/**
 * A ТУ clerk registers a person or completes their record (issue 12). Never a second record of one human: the PIN's
 * holder, else the holder of the document number, is completed instead of registering anew; a foreigner registered
 * from a terminal's document number (README I23) who now shows a PIN gets it through completePersonWithPin — merged
 * into the PIN's holder when there already is one. The audit names the fields changed, never their values.
 */
export async function savePersonRecord(
  input: SavePersonRecordInput,
  actor: AuditActor,
): Promise<SavePersonRecordResult> {
  const documentNumber = input.documentNumber ? normalizeDocumentNumber(input.documentNumber) : undefined;
  const pin = input.pin || undefined;
  const parsedPin = pin ? parsePin(pin) : null;
  const select = { id: true, pin: true, birthDate: true, sex: true } as const;
  const byPin = pin ? await db.person.findUnique({ where: { pin }, select }) : null;
  const byDocument = documentNumber
    ? await db.person.findFirst({
        where: { documentNumber },
        orderBy: [{ pin: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        select,
      })
    : null;
  let target = input.personId ? await db.person.findUnique({ where: { id: input.personId }, select }) : null;
  if (input.personId && !target) return { ok: false, code: "NOT_FOUND" };
  target ??= byPin ?? byDocument;
  let merged = false;

  if (target && pin) {
    if (target.pin && target.pin !== pin) return { ok: false, code: "OTHER_PIN" };
    // The document-only record of the same human (a terminal's foreigner) gets the PIN, or goes into its holder.
    const documentOnly = [target, byDocument].find((p) => p && p.pin === null && (!byPin || p.id !== byPin.id));
    if (documentOnly) {
      const done = await completePersonWithPin({
        personId: documentOnly.id,
        pin,
        documentType: input.documentType,
        actor,
      });
      if (!done.ok) return { ok: false, code: done.code === "PIN_MISMATCH" ? "PIN_MISMATCH" : "OTHER_PIN" };
      merged = done.merged;
      target = await db.person.findUniqueOrThrow({ where: { id: done.personId }, select });
    }
  }

  const citizenship =
    input.citizenship === undefined
      ? {}
      : input.citizenship === "STATELESS"
        ? { citizenship: null, stateless: true }
        : { citizenship: input.citizenship, stateless: false };
  const birthDate = parsedPin?.ok ? parsedPin.birthDate : (input.birthDate as CalendarDate | undefined);
  const sex = parsedPin?.ok ? parsedPin.sex : input.sex;
  const data = {
    category: input.category,
    lastName: input.lastName,
    firstName: input.firstName,
    patronymic: input.patronymic ?? null,
    ...(input.documentType && documentNumber ? { documentType: input.documentType, documentNumber } : {}),
    ...(birthDate ? { birthDate: toDbDate(birthDate) } : {}),
    ...(sex ? { sex } : {}),
    ...citizenship,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.email ? { email: input.email } : {}),
  };
  try {
    return await db.$transaction(async (tx) => {
      if (!target) {
        const created = await tx.person.create({
          data: { ...data, pin: pin ?? null, ...(input.category === "CITIZEN" ? { citizenship: "KG" } : {}) },
          select: { id: true },
        });
        await writeAudit(tx, {
          actor,
          action: "person.register",
          entity: "Person",
          entityId: created.id,
          after: { category: input.category, fields: Object.keys(data) },
        });
        return { ok: true, personId: created.id, created: true, merged: false } as const;
      }
      const before = fromDbDateOrNull(target.birthDate);
      if (pin && before && birthDate && before !== birthDate) throw new PinMismatch();
      await tx.person.update({ where: { id: target.id }, data });
      await writeAudit(tx, {
        actor,
        action: "person.update",
        entity: "Person",
        entityId: target.id,
        after: { category: input.category, fields: Object.keys(data), merged },
      });
      return { ok: true, personId: target.id, created: false, merged } as const;
    });
  } catch (e) {
    if (e instanceof PinMismatch) return { ok: false, code: "PIN_MISMATCH" };
    if (isUniqueViolation(e)) return { ok: false, code: "DOCUMENT_TAKEN" };
    throw e;
  }
}

class PinMismatch extends Error {}
