import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";

/** A territorial office's name in the reader's language ("" when the id names none). */
export async function findOfficeName(officeId: number | null, locale: Locale): Promise<string> {
  if (officeId === null) return "";
  const office = await db.territorialOffice.findUnique({
    where: { id: officeId },
    select: { nameRu: true, nameKy: true },
  });
  return (locale === "ky" ? office?.nameKy : office?.nameRu) ?? "";
}

/** A health organization's name in the reader's language ("" when the id names none). */
export async function findHealthOrganizationName(id: number | null, locale: Locale): Promise<string> {
  if (id === null) return "";
  const org = await db.healthOrganization.findUnique({ where: { id }, select: { nameRu: true, nameKy: true } });
  return (locale === "ky" ? org?.nameKy : org?.nameRu) ?? "";
}

/** Every territorial office, for the forms that address one (appeals, the refunds queue filter). */
export async function listOffices() {
  return db.territorialOffice.findMany({
    select: { code: true, nameRu: true, nameKy: true },
    orderBy: { code: "asc" },
  });
}
