import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { bishkekInstant } from "../../lib/dates";
import { db } from "../../lib/db";
import { fromDbDate, toDbDate } from "../../lib/db/calendar";
import type { Category, IssueChannel, PaymentChannel, PolicyStatus } from "../../lib/generated/prisma/client";
import { runJob } from "../../lib/jobs/jobs";
import { type DashboardData, loadDashboard, resolveDashboardScope } from "../../lib/reports/queries";
import { addDays, bishkekDate, type CalendarDate } from "../../lib/rules";
import { concurrentTransaction, type ConcurrentTransaction } from "../support/concurrent-transaction";
import { createPerson } from "../support/factories";
import { resolveDbTarget } from "../../lib/db/target";

// Issue 15: the dashboard's figures equal the records. The rollups are kept by database triggers; this file seeds
// policies of every channel, status and office over two years (including changes after the fact: a refund, a
// re-issue, a second instalment's extension, a payment recorded after its policy, a deletion), then computes every
// figure straight from the Policy and RefundCase rows, in TypeScript, and compares.

const TODAY = "2026-03-20" as CalendarDate;
const OFFICES = ["BISHKEK", "OSH", null] as const;
const CATEGORIES: Category[] = ["CITIZEN", "FOREIGNER", "FOREIGN_STUDENT", "PREGNANT", "REFUGEE"];
const CHANNELS: { issue: IssueChannel; payment: PaymentChannel | null }[] = [
  { issue: "ONLINE", payment: "PORTAL" },
  { issue: "ONLINE", payment: "BANK_APP" },
  { issue: "TERMINAL", payment: "QUICKPAY" },
  { issue: "TERMINAL", payment: "MEGACOM" },
  { issue: "TERMINAL", payment: "PAY24" },
  { issue: "BANK_CASH_DESK", payment: "BANK_CASH_DESK" },
  { issue: "OFFICE", payment: null },
  { issue: "CONTRACT", payment: "CONTRACT" },
  { issue: "HEALTH_ORG", payment: null },
];
const STATUSES: PolicyStatus[] = ["ISSUED", "ISSUED", "ISSUED", "REFUNDED", "REISSUED", "CANCELLED", "PENDING"];

let officeIds: Record<string, number> = {};
let txn = 0;

async function seedPolicy(i: number) {
  const person = await createPerson();
  const officeCode = OFFICES[i % OFFICES.length]!;
  const channel = CHANNELS[i % CHANNELS.length]!;
  const status = STATUSES[i % STATUSES.length]!;
  // two years back from TODAY, at hours that cross the Bishkek midnight (UTC 18:00–20:59 is the next day there)
  const created = new Date(bishkekInstant(addDays(TODAY, -((i * 37) % 730))).getTime() + ((i * 7) % 24) * 3600_000);
  const paidDay = bishkekDate(created);
  const validFrom = addDays(paidDay, 5);
  const validTo = addDays(validFrom, i % 5 === 0 ? 182 : 364);
  const policy = await db.policy.create({
    data: {
      number: `D-${randomUUID().slice(0, 12)}`,
      personId: person.id,
      category: CATEGORIES[i % CATEGORIES.length]!,
      termMonths: 12,
      priceSom: channel.issue === "HEALTH_ORG" ? 0 : [1840, 5955, 11910][i % 3]!,
      status,
      validFrom: status === "PENDING" ? null : toDbDate(validFrom),
      validTo: status === "PENDING" ? null : toDbDate(validTo),
      channel: channel.issue,
      officeId: officeCode ? officeIds[officeCode]! : null,
      createdAt: created,
    },
  });
  if (channel.payment) {
    await db.payment.create({
      data: {
        channel: channel.payment,
        externalTxnId: `dash-${++txn}-${randomUUID().slice(0, 6)}`,
        amountSom: Math.max(policy.priceSom, 1),
        paidAt: created,
        payerName: "Плательщик",
        status: "CONFIRMED",
        policyId: policy.id,
      },
    });
  }
  return policy;
}

type Expected = { policies: number; revenueSom: number };

function saleChannelOf(p: { channel: IssueChannel; payments: { channel: PaymentChannel }[] }): string {
  if (p.channel === "HEALTH_ORG") return "PREGNANCY";
  if (p.channel === "ONLINE") return p.payments[0]?.channel ?? "PORTAL";
  if (p.channel === "TERMINAL") return p.payments[0]?.channel ?? "TERMINAL";
  return p.channel;
}

/** Every figure, straight from the records (interpretation I42), in TypeScript. */
async function fromRecords(officeId: number | null, fromMonth: string, toMonth: string, day: CalendarDate) {
  const policies = await db.policy.findMany({
    include: { payments: { orderBy: [{ createdAt: "asc" }, { providerNumber: "asc" }], select: { channel: true } } },
  });
  const inOffice = policies.filter((p) => officeId === null || (p.officeId ?? 0) === officeId);
  const sold = inOffice.filter((p) => {
    const month = bishkekDate(p.createdAt).slice(0, 7);
    return (
      ["ISSUED", "REFUNDED", "REISSUED"].includes(p.status) &&
      !p.reissuedFromId &&
      month >= fromMonth &&
      month <= toMonth
    );
  });
  const group = (key: (p: (typeof sold)[number]) => string) => {
    const out = new Map<string, Expected>();
    for (const p of sold) {
      const k = key(p);
      const e = out.get(k) ?? { policies: 0, revenueSom: 0 };
      out.set(k, { policies: e.policies + 1, revenueSom: e.revenueSom + p.priceSom });
    }
    return Object.fromEntries(out);
  };
  const issued = inOffice.filter((p) => p.status === "ISSUED" && p.validFrom && p.validTo);
  const inForce = (d: CalendarDate) =>
    issued.filter((p) => fromDbDate(p.validFrom!) <= d && fromDbDate(p.validTo!) >= d).length;
  const refunds = await db.refundCase.findMany();
  const refundGroups = new Map<string, { cases: number; amountSom: number }>();
  for (const r of refunds) {
    const month = bishkekDate(r.createdAt).slice(0, 7);
    if (month < fromMonth || month > toMonth || (officeId !== null && r.officeId !== officeId)) continue;
    const k = `${r.ground}.${r.state}`;
    const e = refundGroups.get(k) ?? { cases: 0, amountSom: 0 };
    refundGroups.set(k, { cases: e.cases + 1, amountSom: e.amountSom + r.amountSom });
  }
  return {
    byMonth: group((p) => `${bishkekDate(p.createdAt).slice(0, 7)}-01`),
    byOffice: group((p) => String(p.officeId ?? 0)),
    byCategory: group((p) => p.category),
    byChannel: group(saleChannelOf),
    total: { policies: sold.length, revenueSom: sold.reduce((a, p) => a + p.priceSom, 0) },
    inForceToday: inForce(TODAY),
    inForceOnDay: inForce(day),
    endingSoon: issued.filter((p) => {
      const to = fromDbDate(p.validTo!);
      return to >= TODAY && to <= addDays(TODAY, 29);
    }).length,
    refunds: Object.fromEntries(refundGroups),
  };
}

const asMap = (rows: { key: string | number; policies: number; revenueSom: number }[]) =>
  Object.fromEntries(
    rows
      .filter((r) => r.policies !== 0 || r.revenueSom !== 0)
      .map((r) => [String(r.key), { policies: r.policies, revenueSom: r.revenueSom }]),
  );

function shown(d: DashboardData) {
  return {
    byMonth: asMap(d.byMonth),
    byOffice: asMap(d.byOffice),
    byCategory: asMap(d.byCategory),
    byChannel: asMap(d.byChannel),
    total: d.total,
    inForceToday: d.inForceToday,
    inForceOnDay: d.inForceOnDay,
    endingSoon: d.endingSoon,
    refunds: Object.fromEntries(
      d.refunds.map((r) => [`${r.ground}.${r.state}`, { cases: r.cases, amountSom: r.amountSom }]),
    ),
  };
}

// A figure is the sum over the rows' slots (issue 17: each database connection writes its own slot).
async function rollups() {
  const [sales, coverage] = await Promise.all([
    db.$queryRaw<
      unknown[]
    >`SELECT "month", "officeKey", "category"::text, "saleChannel", sum("policies")::int AS "policies", sum("revenueSom")::bigint AS "revenueSom"
        FROM "SalesMonthly" GROUP BY 1, 2, 3, 4 HAVING sum("policies") <> 0 OR sum("revenueSom") <> 0 ORDER BY 1, 2, 3, 4`,
    db.$queryRaw<unknown[]>`SELECT "day", "officeKey", sum("starts")::int AS "starts", sum("ends")::int AS "ends"
        FROM "CoverageDaily" GROUP BY 1, 2 HAVING sum("starts") <> 0 OR sum("ends") <> 0 ORDER BY 1, 2`,
  ]);
  return { sales, coverage };
}

describe("the Fund's dashboard equals the records (issue 15)", () => {
  beforeAll(async () => {
    const offices = await db.territorialOffice.findMany({ select: { id: true, code: true } });
    officeIds = Object.fromEntries(offices.map((o) => [o.code, o.id]));
    const made = [];
    for (let i = 0; i < 120; i++) made.push(await seedPolicy(i));
    // after the fact: a refund, a second instalment's extension, a deletion, a re-issue, a late-linked terminal payment
    await db.policy.update({ where: { id: made[0]!.id }, data: { status: "REFUNDED" } });
    await db.policy.update({ where: { id: made[5]!.id }, data: { validTo: toDbDate(addDays(TODAY, 10)) } });
    await db.payment.deleteMany({ where: { policyId: made[7]!.id } });
    await db.policy.delete({ where: { id: made[7]!.id } });
    const old = made[1]!;
    await db.policy.update({ where: { id: old.id }, data: { status: "REISSUED" } });
    const newHolder = await createPerson();
    await db.policy.create({
      data: {
        number: `D-RE-${randomUUID().slice(0, 8)}`,
        personId: newHolder.id,
        category: "CITIZEN",
        termMonths: 12,
        priceSom: old.priceSom,
        status: "ISSUED",
        validFrom: toDbDate(TODAY),
        validTo: toDbDate(addDays(TODAY, 364)),
        channel: "OFFICE",
        officeId: officeIds.BISHKEK!,
        reissuedFromId: old.id,
      },
    });
    const late = await db.policy.create({
      data: {
        number: `D-LATE-${randomUUID().slice(0, 8)}`,
        personId: (await createPerson()).id,
        category: "CITIZEN",
        termMonths: 12,
        priceSom: 1840,
        status: "ISSUED",
        validFrom: toDbDate(addDays(TODAY, -20)),
        validTo: toDbDate(addDays(TODAY, 15)),
        channel: "TERMINAL",
        createdAt: bishkekInstant(addDays(TODAY, -25)),
      },
    });
    await db.payment.create({
      data: {
        channel: "PAY24",
        externalTxnId: `dash-late-${randomUUID().slice(0, 6)}`,
        amountSom: 1840,
        paidAt: bishkekInstant(addDays(TODAY, -25)),
        payerName: "Плательщик",
        status: "CONFIRMED",
        policyId: late.id,
      },
    });
    // refund cases of each ground and a few states, at two offices and none (the system's own)
    const grounds = ["DEATH", "ALREADY_INSURED", "REFUSED_BY_RULES", "LATE_CONFIRMATION", "DUPLICATE_PAYMENT"] as const;
    for (let i = 0; i < 15; i++) {
      const office = OFFICES[i % 3];
      await db.refundCase.create({
        data: {
          number: `R-DASH-${i}-${randomUUID().slice(0, 6)}`,
          ground: grounds[i % grounds.length]!,
          state: i % 2 ? "SENT" : "DRAFT",
          amountSom: 1840 + i,
          officeId: office ? officeIds[office]! : null,
          createdAt: bishkekInstant(addDays(TODAY, -((i * 53) % 700))),
        },
      });
    }
  });

  const SCOPES = [
    {
      name: "the whole country, two years",
      filter: { from: "2024-04", to: "2026-03" },
      office: null,
      day: "2025-07-01",
    },
    { name: "Bishkek, the last 12 months", filter: { office: "BISHKEK" }, office: "BISHKEK", day: TODAY },
    {
      name: "Osh, one month",
      filter: { from: "2025-11", to: "2025-11", office: "OSH", day: "2025-11-15" },
      office: "OSH",
      day: "2025-11-15",
    },
  ] as const;

  it.each(SCOPES)("$name", async ({ filter, office, day }) => {
    const scope = await resolveDashboardScope({ ...filter, day }, TODAY);
    const data = await loadDashboard(scope);
    const expected = await fromRecords(
      office ? officeIds[office]! : null,
      scope.fromMonth.slice(0, 7),
      scope.toMonth.slice(0, 7),
      day as CalendarDate,
    );
    expect(shown(data)).toEqual(expected);
    expect(data.total.policies).toBeGreaterThan(0);
  });

  it("counts every channel the Fund watches, each terminal network on its own", async () => {
    const data = await loadDashboard(await resolveDashboardScope({ from: "2024-01", to: "2026-12" }, TODAY));
    expect(data.byChannel.map((r) => r.key).sort()).toEqual(
      [
        "BANK_APP",
        "BANK_CASH_DESK",
        "CONTRACT",
        "MEGACOM",
        "OFFICE",
        "PAY24",
        "PORTAL",
        "PREGNANCY",
        "QUICKPAY",
      ].sort(),
    );
  });

  it("an unknown office code shows nothing rather than the whole country", async () => {
    const data = await loadDashboard(await resolveDashboardScope({ office: "NOWHERE" }, TODAY));
    expect(data.total).toEqual({ policies: 0, revenueSom: 0 });
    expect(data.inForceToday).toBe(0);
  });

  it("a fold of the connections' slots into slot 0 leaves every figure as it was (the job fold-dashboard-rollups)", async () => {
    const kept = await rollups();
    const slotRows = () => db.$queryRaw<{ n: number }[]>`SELECT ((SELECT count(*) FROM "SalesMonthly" WHERE "slot" <> 0)
      + (SELECT count(*) FROM "CoverageDaily" WHERE "slot" <> 0))::int AS "n"`;
    const [before] = await slotRows();
    expect(before!.n).toBeGreaterThan(0);
    expect(await runJob("fold-dashboard-rollups")).toEqual({ folded: before!.n });
    expect(await slotRows()).toEqual([{ n: 0 }]);
    expect(await rollups()).toEqual(kept);
    expect(await runJob("fold-dashboard-rollups")).toEqual({ folded: 0 });
    // a policy after the fold goes to its connection's slot again, and the figures count it once
    await seedPolicy(500);
    const [after] = await slotRows();
    expect(after!.n).toBeGreaterThan(0);
  });

  it("the rollups the triggers kept equal a rebuild from the records", async () => {
    const kept = await rollups();
    await db.$executeRaw`SELECT oms_rebuild_dashboard_rollups()`;
    expect(await rollups()).toEqual(kept);
  });

  it("a payment rolled back leaves the figures as they were", async () => {
    const before = await rollups();
    const person = await createPerson();
    await expect(
      db.$transaction(async (tx) => {
        await tx.policy.create({
          data: {
            number: `D-RB-${randomUUID().slice(0, 8)}`,
            personId: person.id,
            category: "CITIZEN",
            termMonths: 12,
            priceSom: 1840,
            status: "ISSUED",
            validFrom: toDbDate(TODAY),
            validTo: toDbDate(addDays(TODAY, 364)),
            channel: "OFFICE",
          },
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rollups()).toEqual(before);
  });
});

// Issue 17: every terminal payment of a month used to add itself to the same rollup rows and hold their locks until it
// committed — payments across the country took turns there. Each connection now writes its own slot.
describe.skipIf(resolveDbTarget().kind !== "postgres")("concurrent sales and the rollup rows (issue 17)", () => {
  const slotOf = async (t: ConcurrentTransaction) =>
    ((await t.query("SELECT 1 + pg_backend_pid() % 16 AS slot")) as { slot: number }[])[0]!.slot;
  const sell = async (t: ConcurrentTransaction) => {
    const person = await createPerson();
    return t.query(
      `INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status", "validFrom",
                             "validTo", "channel", "saleChannel", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2::uuid, 'CITIZEN', 12, 1840, 'ISSUED', '2026-12-08', '2027-12-07', 'TERMINAL',
               'QUICKPAY', now())`,
      [`D-SLOT-${randomUUID().slice(0, 8)}`, person.id],
    );
  };
  /** A transaction on a connection whose slot is (or is not) `slot`; the others it opened are closed. */
  async function transactionWhoseSlot(matches: (slot: number) => boolean): Promise<ConcurrentTransaction> {
    for (let tries = 0; tries < 64; tries++) {
      const t = await concurrentTransaction();
      if (matches(await slotOf(t))) return t;
      await t.commit();
    }
    throw new Error("no connection with such a slot in 64 tries");
  }

  it("two payments on connections of different slots never wait for each other's rollup rows", async () => {
    const first = await concurrentTransaction();
    const slot = await slotOf(first);
    const second = await transactionWhoseSlot((s) => s !== slot);
    try {
      await sell(first);
      // the same month, office, category and sale channel, while the first has not committed
      expect(await first.waitedForBy(sell(second))).toBe("settled");
    } finally {
      await first.commit();
      await second.commit();
    }
  });

  it("on connections of the same slot the second waits for the first (what every payment did before)", async () => {
    const first = await concurrentTransaction();
    const slot = await slotOf(first);
    const second = await transactionWhoseSlot((s) => s === slot);
    try {
      await sell(first);
      const selling = sell(second);
      expect(await first.waitedForBy(selling)).toBe("waited");
      await first.commit();
      await selling;
    } finally {
      await second.commit();
    }
  });
});
