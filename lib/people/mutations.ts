import type { DocumentType, Prisma, Sex, Category } from "@/lib/generated/prisma/client";
import { toDbDate } from "@/lib/db/calendar";
import { normalizeDocumentNumber, parsePin, type CalendarDate } from "@/lib/rules";

type Tx = Prisma.TransactionClient;

export type PersonIdentity = {
  pin?: string | null;
  documentType?: DocumentType | null;
  documentNumber?: string | null;
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  /** required when there is no PIN (a PIN carries sex and date of birth, SPEC §8) */
  birthDate?: CalendarDate | null;
  sex?: Sex | null;
  category: Category;
  citizenship?: string | null;
  phone?: string | null;
};

/**
 * Finds the person by PIN (or, for a foreigner without one, by document) or registers them, and locks their row
 * for the rest of the transaction: two payments for the same person are then decided one after the other, so the
 * second sees the first's policy (renewal or POLICY_ALREADY_PAID) instead of both passing the check.
 */
type LockedPerson = { id: string; birthDate: Date; sex: Sex; category: Category };

export async function findOrCreatePersonForUpdate(tx: Tx, who: PersonIdentity): Promise<LockedPerson> {
  const pin = who.pin?.trim() || null;
  const documentNumber = who.documentNumber ? normalizeDocumentNumber(who.documentNumber) : null;
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
  if (!sex || !birthDate) throw new Error("A person without a PIN needs sex and date of birth");

  // Find and lock in one statement; a new person is inserted (ON CONFLICT DO NOTHING: safe when the same new person
  // arrives twice at once) and then found and locked the same way.
  const lock = () =>
    pin
      ? tx.$queryRaw<
          LockedPerson[]
        >`SELECT "id", "birthDate", "sex", "category" FROM "Person" WHERE "pin" = ${pin} FOR UPDATE`
      : tx.$queryRaw<LockedPerson[]>`SELECT "id", "birthDate", "sex", "category" FROM "Person"
          WHERE "documentType" = ${who.documentType}::"DocumentType" AND "documentNumber" = ${documentNumber} FOR UPDATE`;
  let [person] = await lock();
  if (!person) {
    await tx.person.createMany({
      data: [
        {
          pin,
          lastName: who.lastName,
          firstName: who.firstName,
          patronymic: who.patronymic ?? null,
          birthDate: toDbDate(birthDate),
          sex,
          category: who.category,
          citizenship: who.citizenship ?? (who.category === "CITIZEN" ? "KG" : null),
          documentType: who.documentType ?? null,
          documentNumber,
          phone: who.phone ?? null,
        },
      ],
      skipDuplicates: true,
    });
    [person] = await lock();
  }
  if (!person) throw new Error("The person could not be registered");
  return person;
}
