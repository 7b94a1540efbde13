import "server-only";
import { db } from "@/lib/db";
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

/**
 * The person a payment channel's account names: a PIN (unique), or a foreigner's document number (appendix,
 * algorithms 4–5) whatever the document's type — the same number is the same human (issue 9); a person with a PIN
 * comes first, then the earliest registered. Unknown → null.
 */
export async function findPersonByAccount(
  account: { pin: string } | { documentNumber: string },
): Promise<PersonByAccount | null> {
  const person =
    "pin" in account
      ? await db.person.findUnique({ where: { pin: account.pin } })
      : await db.person.findFirst({
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
  const pin = /^\d{14}$/.test(q) ? q : null;
  const document = normalizeDocumentNumber(q);
  // A name needs two letters: a shorter prefix would walk half the register.
  const byName = /\p{L}.*\p{L}/u.test(q);
  const hits = await db.$queryRaw<{ id: string; rank: number }[]>`
    SELECT "id", 0 AS "rank" FROM "Person" WHERE ${pin}::text IS NOT NULL AND "pin" = ${pin}
    UNION ALL
    SELECT "id", 1 AS "rank" FROM "Person" WHERE "documentNumber" = ${document}
    UNION ALL
    (SELECT "id", 2 AS "rank" FROM "Person"
      WHERE ${byName} AND "searchName" LIKE oms_search_key(${q}) || '%'
      ORDER BY "searchName", "id" LIMIT ${PERSON_SEARCH_LIMIT})`;
  const order = new Map<string, number>();
  for (const h of hits) if (!order.has(h.id)) order.set(h.id, Number(h.rank));
  const ids = [...order.keys()].slice(0, PERSON_SEARCH_LIMIT);
  if (ids.length === 0) return [];
  const people = await db.person.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      pin: true,
      documentNumber: true,
      lastName: true,
      firstName: true,
      patronymic: true,
      birthDate: true,
      category: true,
    },
  });
  const MATCH: PersonSearchMatch[] = ["PIN", "DOCUMENT", "NAME"];
  return people
    .map((p) => ({
      id: p.id,
      match: MATCH[order.get(p.id)!]!,
      fullName: fullName(p),
      pin: p.pin,
      documentNumber: p.documentNumber,
      birthDate: fromDbDateOrNull(p.birthDate),
      category: p.category,
    }))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)! || a.fullName.localeCompare(b.fullName, "ru"));
}
