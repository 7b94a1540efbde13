import "server-only";
import { db } from "@/lib/db";
import { fromDbDateOrNull } from "@/lib/db/calendar";
import { normalizeDocumentNumber, type CalendarDate, type Category, type Sex } from "@/lib/rules";
import { fullName } from "./full-name";

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
