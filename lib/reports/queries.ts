import "server-only";
import { bishkekInstant } from "@/lib/dates";
import { readDb } from "@/lib/db";
import type { CalendarDate } from "@/lib/rules";

export type SalesRow<K = string | null> = { key: K; count: number; revenueSom: number };

function monthStartInstant(month: string): Date {
  return bishkekInstant(`${month}-01`);
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * Policies issued in a calendar month (Asia/Bishkek) by office, channel and category, with revenue — what the Fund
 * monitors (order on cost, item 3.3; SPEC §9). Refunded and re-issued policies stay counted as sales here.
 */
export async function summarizeSales(today: CalendarDate) {
  const month = today.slice(0, 7);
  const where = {
    status: { in: ["ISSUED", "REFUNDED", "REISSUED"] as ("ISSUED" | "REFUNDED" | "REISSUED")[] },
    createdAt: { gte: monthStartInstant(month), lt: monthStartInstant(nextMonth(month)) },
  };
  const [byOffice, byChannel, byCategory, offices] = await Promise.all([
    readDb.policy.groupBy({ by: ["officeId"], where, _count: { _all: true }, _sum: { priceSom: true } }),
    readDb.policy.groupBy({ by: ["channel"], where, _count: { _all: true }, _sum: { priceSom: true } }),
    readDb.policy.groupBy({ by: ["category"], where, _count: { _all: true }, _sum: { priceSom: true } }),
    readDb.territorialOffice.findMany({
      select: { id: true, code: true, nameRu: true, nameKy: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const row = <K>(key: K, g: { _count: { _all: number }; _sum: { priceSom: number | null } }): SalesRow<K> => ({
    key,
    count: g._count._all,
    revenueSom: g._sum.priceSom ?? 0,
  });
  const officeRows = offices.map((o) => {
    const g = byOffice.find((b) => b.officeId === o.id);
    return { office: o, count: g?._count._all ?? 0, revenueSom: g?._sum.priceSom ?? 0 };
  });
  const noOffice = byOffice.find((b) => b.officeId === null);
  return {
    month,
    offices: officeRows,
    noOffice: noOffice ? row(null, noOffice) : { key: null, count: 0, revenueSom: 0 },
    channels: byChannel.map((g) => row(g.channel, g)).sort((a, b) => b.count - a.count),
    categories: byCategory.map((g) => row(g.category, g)).sort((a, b) => b.count - a.count),
    total: byChannel.reduce(
      (acc, g) => ({ count: acc.count + g._count._all, revenueSom: acc.revenueSom + (g._sum.priceSom ?? 0) }),
      { count: 0, revenueSom: 0 },
    ),
  };
}
