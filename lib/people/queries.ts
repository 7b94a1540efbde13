import "server-only";
import { db, prepared, sqlRows } from "@/lib/db";
import { perTurn } from "@/lib/db/per-turn";
import { fromDbDateOrNull } from "@/lib/db/calendar";
import { normalizeDocumentNumber, type CalendarDate, type Category, type Sex } from "@/lib/rules";
import { fullName } from "./full-name";
import type { PersonSearchMatch, PersonSearchRow } from "./view-models";

export type PersonByAccount = {
  id: string;
  category: Category;
  /** null for a foreigner registered from a terminal's document number, until a ТУ completes the record */
  birthDate: CalendarDate | null;
  sex: Sex | null;
  fullName: string;
  phone: string | null;
};

export type PersonRow = PersonByAccount & {
  pin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
};
/** The columns of a PersonRow, from the one table of a statement (the register's "Person"). */
export const PERSON_ROW_COLUMNS = `"id", "pin"::text AS "pin", "category"::text AS "category",
  "birthDate"::text AS "birthDate", "sex"::text AS "sex", "lastName", "firstName", "patronymic", "phone"`;
/** A person by PIN, up to the comparison (`= $1`, or `= ANY($1::char(14)[])` for a turn's PINs). */
export const PERSON_BY_PIN_SQL = `SELECT ${PERSON_ROW_COLUMNS} FROM "Person" WHERE "pin"`;
/** A PIN of the column's shape: it may be compared as char(14) (an array of another type misses the index). */
export const PIN_SHAPE = /^\d{14}$/;

const PEOPLE_BY_PINS = prepared("people_by_pins", `${PERSON_BY_PIN_SQL} = ANY($1::char(14)[])`);

/**
 * People by PIN, the lookups asked in one turn of the event loop in one statement (issue 17: a terminals' burst, as
 * the status check does).
 */
const personRowByPin = perTurn(async (pins: string[]) => {
  const rows = await sqlRows<PersonRow>(PEOPLE_BY_PINS, [pins]);
  return new Map(rows.map((row) => [row.pin, row]));
});

/** A PersonRow as the person an account names: the full name made of its parts. */
export function personByAccount(row: PersonRow): PersonByAccount {
  const { lastName, firstName, patronymic, pin: _pin, ...rest } = row;
  return { ...rest, fullName: fullName({ lastName, firstName, patronymic }) };
}

/**
 * The person a payment channel's account names: a PIN (unique), or a foreigner's document number (appendix,
 * algorithms 4–5) whatever the document's type — the same number is the same human (issue 9); a person with a PIN
 * comes first, then the earliest registered. Unknown → null.
 */
export async function findPersonByAccount(
  account: { pin: string } | { documentNumber: string },
): Promise<PersonByAccount | null> {
  if ("pin" in account) {
    // by PIN, every terminal request (issue 17): plain SQL on the pool, not the query engine
    const row = PIN_SHAPE.test(account.pin)
      ? await personRowByPin(account.pin)
      : (await sqlRows<PersonRow>(`${PERSON_BY_PIN_SQL} = $1`, [account.pin]))[0];
    return row ? personByAccount(row) : null;
  }
  const person = await db.person.findFirst({
    where: { documentNumber: normalizeDocumentNumber(account.documentNumber) },
    orderBy: [{ pin: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
  if (!person) return null;
  return {
    id: person.id,
    category: person.category,
    birthDate: fromDbDateOrNull(person.birthDate),
    sex: person.sex,
    fullName: fullName(person),
    phone: person.phone,
  };
}

/** The id of the person holding this document number (status by document, SPEC §8), or null. */
export async function findPersonIdByDocumentNumber(documentNumber: string): Promise<string | null> {
  return (await findPersonByAccount({ documentNumber }))?.id ?? null;
}

/** How many people one search answers at most (the clerk narrows the name further). */
const PERSON_SEARCH_LIMIT = 20;

/**
 * The clerk's search (issue 12): a PIN or a document number matched exactly, then the start of the full name
 * ("Иванов Пё", "ivanov pe") whatever its case and script — the database folds both sides with oms_search_key (the
 * transliteration table is in the README) and the prefix is a range scan of Person_searchName_idx. Ranked: the PIN,
 * then the document, then names in alphabetical order.
 */
export async function searchPeople(text: string): Promise<PersonSearchRow[]> {
  const q = text.trim().slice(0, 100);
  if (!q) return [];
  const pin = PIN_SHAPE.test(q) ? q : null;
  const document = normalizeDocumentNumber(q);
  // A name needs two letters: a shorter prefix would walk half the register.
  const byName = /\p{L}.*\p{L}/u.test(q);
  // One round trip: the three branches, each an index lookup, joined to the rows the screen shows.
  const rows = await db.$queryRaw<
    {
      rank: number;
      id: string;
      pin: string | null;
      documentNumber: string | null;
      lastName: string;
      firstName: string;
      patronymic: string | null;
      birthDate: string | null;
      category: Category;
    }[]
  >`
    SELECT h."rank", p."id", p."pin", p."documentNumber", p."lastName", p."firstName", p."patronymic",
           to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDate", p."category"::text AS "category"
    FROM (
      SELECT "id", 0 AS "rank", "searchName" FROM "Person" WHERE "pin" = ${pin}
      UNION ALL
      SELECT "id", 1 AS "rank", "searchName" FROM "Person" WHERE "documentNumber" = ${document}
      UNION ALL
      (SELECT "id", 2 AS "rank", "searchName" FROM "Person"
        WHERE ${byName} AND "searchName" LIKE oms_search_key(${q}) || '%'
        ORDER BY "searchName" LIMIT ${PERSON_SEARCH_LIMIT})
    ) h JOIN "Person" p ON p."id" = h."id"
    ORDER BY h."rank", h."searchName"`;
  const MATCH: PersonSearchMatch[] = ["PIN", "DOCUMENT", "NAME"];
  const seen = new Set<string>();
  const out: PersonSearchRow[] = [];
  for (const r of rows) {
    if (seen.has(r.id) || out.length >= PERSON_SEARCH_LIMIT) continue;
    seen.add(r.id);
    out.push({
      id: r.id,
      match: MATCH[Number(r.rank)]!,
      fullName: fullName(r),
      pin: r.pin,
      documentNumber: r.documentNumber,
      birthDate: r.birthDate,
      category: r.category,
    });
  }
  return out;
}

/**
 * The records an audit row may name for a person (the audit viewer's "by person" filter, issue 15): the person, their
 * policies, the payments for those policies and their orders. Unknown PIN → null.
 */
export async function findAuditRecordIdsByPin(pin: string): Promise<{ personId: string; recordIds: string[] } | null> {
  const person = await db.person.findUnique({
    where: { pin },
    select: { id: true, policies: { select: { id: true, payments: { select: { id: true } } } } },
  });
  if (!person) return null;
  const orders = await db.purchaseOrder.findMany({ where: { pin }, select: { id: true } });
  return {
    personId: person.id,
    recordIds: [
      person.id,
      ...person.policies.flatMap((p) => [p.id, ...p.payments.map((x) => x.id)]),
      ...orders.map((o) => o.id),
    ],
  };
}

/** The same records by person id (the audit viewer keeps the person's id, never the PIN, in its URL). */
export async function findAuditRecordIdsByPersonId(personId: string): Promise<string[]> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { pin: true } });
  if (!person) return [];
  if (person.pin) return (await findAuditRecordIdsByPin(person.pin))?.recordIds ?? [personId];
  const policies = await db.policy.findMany({
    where: { personId },
    select: { id: true, payments: { select: { id: true } } },
  });
  return [personId, ...policies.flatMap((p) => [p.id, ...p.payments.map((x) => x.id)])];
}
