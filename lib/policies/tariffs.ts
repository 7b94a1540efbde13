import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import { tariffsInForce, type CalendarDate, type TariffRow } from "@/lib/rules";

/**
 * The tariff table as lib/rules wants it (with the row ids, for Policy.tariffId). Rows are few (one per category,
 * term and order), so all are read — through `client` when the caller holds a transaction.
 */
export async function findTariffRows(client: Prisma.TransactionClient = db): Promise<(TariffRow & { id: number })[]> {
  const rows = await client.tariff.findMany({ orderBy: [{ effectiveFrom: "asc" }, { category: "asc" }, { termMonths: "asc" }] });
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
