/** Test data with unique identifiers, written straight through Prisma. */
import { randomInt, randomUUID } from "node:crypto";
import { db } from "../../lib/db";
import { toDbDate } from "../../lib/db/calendar";
import type { StaffUser } from "../../lib/auth/permissions";

let serial = randomInt(10_000, 90_000);

/** A valid PIN (SPEC §8: sex digit, DDMMYYYY, 5-digit serial) unique within the run. */
export function makePin(sex: "FEMALE" | "MALE" = "MALE", birthDate = "1990-05-17"): string {
  const [y, m, d] = birthDate.split("-");
  serial = (serial + 1) % 100_000;
  return `${sex === "FEMALE" ? 1 : 2}${d}${m}${y}${String(serial).padStart(5, "0")}`;
}

export async function createPerson(
  overrides: Partial<{
    pin: string | null;
    sex: "FEMALE" | "MALE";
    birthDate: string;
    category: "CITIZEN" | "FOREIGNER";
  }> = {},
) {
  const sex = overrides.sex ?? "MALE";
  const birthDate = overrides.birthDate ?? "1990-05-17";
  return db.person.create({
    data: {
      pin: overrides.pin === undefined ? makePin(sex, birthDate) : overrides.pin,
      lastName: "Тестов",
      firstName: "Тест",
      birthDate: toDbDate(birthDate),
      sex,
      category: overrides.category ?? "CITIZEN",
      citizenship: "KG",
      documentType: "KG_ID_CARD",
      documentNumber: `ID${randomUUID().slice(0, 8)}`,
    },
  });
}

export async function createPolicy(
  personId: string,
  p: {
    validFrom: string;
    validTo: string;
    status?: "ISSUED" | "REFUNDED" | "REISSUED" | "PENDING" | "CANCELLED";
    officeCode?: string;
    number?: string;
  },
) {
  const office = p.officeCode ? await db.territorialOffice.findUniqueOrThrow({ where: { code: p.officeCode } }) : null;
  return db.policy.create({
    data: {
      number: p.number ?? `T-${randomUUID().slice(0, 12)}`,
      personId,
      category: "CITIZEN",
      termMonths: 12,
      priceSom: 1840,
      status: p.status ?? "ISSUED",
      validFrom: toDbDate(p.validFrom),
      validTo: toDbDate(p.validTo),
      channel: office ? "OFFICE" : "ONLINE",
      officeId: office?.id ?? null,
    },
  });
}

export async function createExternalCoverage(personId: string, validFrom: string, validTo: string) {
  return db.externalCoverage.create({
    data: { personId, source: "EMPLOYMENT", validFrom: toDbDate(validFrom), validTo: toDbDate(validTo) },
  });
}

/** A staff member as the permission checks see them (no account row): the Fund's refund officer by default. */
export function staffStub(over: Partial<StaffUser> = {}): StaffUser {
  return {
    id: "00000000-0000-0000-0000-0000000000aa",
    login: "r",
    fullName: "R",
    role: "REFUND_OFFICER",
    officeId: null,
    healthOrganizationId: null,
    ...over,
  };
}
