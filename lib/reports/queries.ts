import "server-only";
import { bishkekInstant, todayInBishkek } from "@/lib/dates";
import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, type CalendarDate } from "@/lib/rules";
import type { TDashboardFilter } from "./dashboard.schema";

// The Fund's dashboard (issue 15; order on cost 3.3, SPEC §9). Sales and coverage are read from the two rollups the
// database keeps in the same transaction as every policy row (SalesMonthly, CoverageDaily: see the migration
// 20261201070057_fund_dashboard and interpretation I42), so each answer reads a few thousand rows whatever the size of
// the registry; refunds are few and are grouped from their own table. Every query is plain SQL built here, so the
// benchmark (tests/bench/dashboard.ts) runs and EXPLAINs exactly what the page runs.

/** What the dashboard shows: months `fromMonth`..`toMonth` (first days), one office or all, the day of "in force". */
export type DashboardScope = {
  fromMonth: CalendarDate;
  toMonth: CalendarDate;
  /** null = the whole country; 0 = the sales no office made (online, terminals, pregnancy registrations) */
  officeId: number | null;
  day: CalendarDate;
  today: CalendarDate;
};

export type Breakdown<K extends string = string> = { key: K; policies: number; revenueSom: number }[];

const DEFAULT_MONTHS = 12;

function monthStart(day: CalendarDate): CalendarDate {
  return `${day.slice(0, 7)}-01` as CalendarDate;
}

function addMonths(month: CalendarDate, n: number): CalendarDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01` as CalendarDate;
}

/** Every month of the scope, oldest first (the monthly chart shows the empty ones too). */
function monthsOf(scope: Pick<DashboardScope, "fromMonth" | "toMonth">): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let m = scope.fromMonth; m <= scope.toMonth && out.length < 240; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The scope of the page's filters: by default the last 12 months to this one, the whole country, today. */
export async function resolveDashboardScope(
  filter: TDashboardFilter,
  today = todayInBishkek(),
): Promise<DashboardScope> {
  const toMonth = filter.to ? (`${filter.to}-01` as CalendarDate) : monthStart(today);
  const fromMonth = filter.from ? (`${filter.from}-01` as CalendarDate) : addMonths(toMonth, -(DEFAULT_MONTHS - 1));
  let officeId: number | null = null;
  if (filter.office) {
    const office = await readDb.territorialOffice.findUnique({ where: { code: filter.office }, select: { id: true } });
    // an unknown code shows nothing rather than everything
    officeId = office?.id ?? -1;
  }
  return { fromMonth, toMonth, officeId, day: filter.day ?? today, today };
}

const officeIs = (column: string, officeId: number | null) =>
  officeId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${officeId}`;

const SALES_DIMENSIONS = {
  month: Prisma.raw(`to_char("month", 'YYYY-MM-DD')`),
  office: Prisma.raw(`"officeKey"::text`),
  category: Prisma.raw(`"category"::text`),
  channel: Prisma.raw(`"saleChannel"`),
} as const;

export type SalesDimension = keyof typeof SALES_DIMENSIONS;

/** Policies sold and their price in the scope, by one dimension (month, office, category or sale channel). */
export function salesSql(scope: DashboardScope, by: SalesDimension): Prisma.Sql {
  const key = SALES_DIMENSIONS[by];
  return Prisma.sql`SELECT ${key} AS "key", sum("policies")::bigint AS "policies", sum("revenueSom")::bigint AS "revenueSom"
    FROM "SalesMonthly"
    WHERE "month" BETWEEN ${scope.fromMonth}::date AND ${scope.toMonth}::date ${officeIs(`"officeKey"`, scope.officeId)}
    GROUP BY 1 HAVING sum("policies") <> 0 OR sum("revenueSom") <> 0 ORDER BY 1`;
}

/** Policies in force on a day: those started by it, less those ended before it (CoverageDaily counts both). */
export function inForceSql(scope: DashboardScope, day: CalendarDate): Prisma.Sql {
  return Prisma.sql`SELECT (coalesce(sum("starts"), 0) - coalesce(sum("ends") FILTER (WHERE "day" < ${day}::date), 0))::bigint AS "count"
    FROM "CoverageDaily" WHERE "day" <= ${day}::date ${officeIs(`"officeKey"`, scope.officeId)}`;
}

/** Policies in force today whose last day is within the next 30 days, today included (I42). */
const ENDING_WITHIN_DAYS = 30;

export function endingSoonSql(scope: DashboardScope): Prisma.Sql {
  const last = addDays(scope.today, ENDING_WITHIN_DAYS - 1);
  return Prisma.sql`SELECT coalesce(sum("ends"), 0)::bigint AS "count"
    FROM "CoverageDaily" WHERE "day" BETWEEN ${scope.today}::date AND ${last}::date ${officeIs(`"officeKey"`, scope.officeId)}`;
}

/** Refund cases opened in the scope's months, by ground and state, with their sums (cl. 32). Office: the ТУ that prepared it. */
export function refundsSql(scope: DashboardScope): Prisma.Sql {
  const from = bishkekInstant(scope.fromMonth);
  const to = bishkekInstant(addMonths(scope.toMonth, 1));
  return Prisma.sql`SELECT "ground"::text AS "ground", "state"::text AS "state", count(*)::bigint AS "cases",
      coalesce(sum("amountSom"), 0)::bigint AS "amountSom"
    FROM "RefundCase"
    WHERE "createdAt" >= ${from} AND "createdAt" < ${to} ${officeIs(`"officeId"`, scope.officeId)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

type Num = bigint | number | null;
const n = (v: Num) => Number(v ?? 0);

async function sales(scope: DashboardScope, by: SalesDimension): Promise<Breakdown> {
  const rows = await readDb.$queryRaw<{ key: string; policies: Num; revenueSom: Num }[]>(salesSql(scope, by));
  return rows.map((r) => ({ key: r.key, policies: n(r.policies), revenueSom: n(r.revenueSom) }));
}

async function count(sql: Prisma.Sql): Promise<number> {
  const rows = await readDb.$queryRaw<{ count: Num }[]>(sql);
  return n(rows[0]?.count ?? 0);
}

/** Everything the dashboard and its CSV show, for one scope. */
export async function loadDashboard(scope: DashboardScope) {
  const [byMonth, byOffice, byCategory, byChannel, inForceToday, inForceOnDay, endingSoon, refunds, offices] =
    await Promise.all([
      sales(scope, "month"),
      sales(scope, "office"),
      sales(scope, "category"),
      sales(scope, "channel"),
      count(inForceSql(scope, scope.today)),
      count(inForceSql(scope, scope.day)),
      count(endingSoonSql(scope)),
      readDb.$queryRaw<{ ground: string; state: string; cases: Num; amountSom: Num }[]>(refundsSql(scope)),
      readDb.territorialOffice.findMany({
        select: { id: true, code: true, nameRu: true, nameKy: true },
        orderBy: { id: "asc" },
      }),
    ]);
  const months = monthsOf(scope).map((month) => {
    const r = byMonth.find((m) => m.key === month);
    return { key: month, policies: r?.policies ?? 0, revenueSom: r?.revenueSom ?? 0 };
  });
  const total = byChannel.reduce(
    (acc, r) => ({ policies: acc.policies + r.policies, revenueSom: acc.revenueSom + r.revenueSom }),
    { policies: 0, revenueSom: 0 },
  );
  return {
    scope,
    offices,
    byMonth: months,
    byOffice: byOffice.map((r) => ({ ...r, key: Number(r.key) })),
    byCategory,
    byChannel,
    total,
    inForceToday,
    inForceOnDay,
    endingSoon,
    refunds: refunds.map((r) => ({ ground: r.ground, state: r.state, cases: n(r.cases), amountSom: n(r.amountSom) })),
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
