import { db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull } from "@/lib/db/calendar";
import { tariffsInForce, type CalendarDate, type TariffRow } from "@/lib/rules";

/** The tariff table as lib/rules wants it. Rows are few (one per category, term and order), so all are read. */
export async function findTariffRows(): Promise<TariffRow[]> {
  const rows = await db.tariff.findMany({ orderBy: [{ effectiveFrom: "asc" }, { category: "asc" }, { termMonths: "asc" }] });
  return rows.map((r) => ({
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
