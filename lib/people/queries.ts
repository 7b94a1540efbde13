import "server-only";
import { db } from "@/lib/db";
import { fromDbDate } from "@/lib/db/calendar";
import { normalizeDocumentNumber, type CalendarDate, type Category, type Sex } from "@/lib/rules";
import { fullName } from "./full-name";

export type PersonByAccount = {
  id: string;
  category: Category;
  birthDate: CalendarDate;
  sex: Sex;
  fullName: string;
  phone: string | null;
};

/**
 * The person a payment channel's account names: a PIN (unique), or a foreigner's document number (appendix,
 * algorithms 4–5). Unknown → null.
 */
export async function findPersonByAccount(
  account: { pin: string } | { documentNumber: string },
): Promise<PersonByAccount | null> {
  const person =
    "pin" in account
      ? await db.person.findUnique({ where: { pin: account.pin } })
      : await db.person.findFirst({ where: { documentNumber: normalizeDocumentNumber(account.documentNumber) } });
  if (!person) return null;
  return {
    id: person.id,
    category: person.category,
    birthDate: fromDbDate(person.birthDate),
    sex: person.sex,
    fullName: fullName(person),
    phone: person.phone,
  };
}
