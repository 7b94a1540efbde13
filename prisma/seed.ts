/**
 * npm run db:seed [-- --if-empty] [-- --demo]
 * Reference data (offices, health organizations, tariffs) always; demo accounts and people only with --demo (which
 * `npm run dev` passes through db:prepare), and never when NODE_ENV=production: a real database never gets an account
 * with a published password. The first real admin comes from `npm run user:create`.
 */
import { policyPeriodForPayment, TARIFFS_FROM_2024_02_01, addDays, bishkekDate, type CalendarDate } from "../lib/rules";
import { openDb, type Db } from "../lib/db/client";
import { toDbDate } from "../lib/db/calendar";
import { describeTarget, resolveDbTarget } from "../lib/db/target";
import { writeAudit } from "../lib/audit/mutations";
import { createStaffUser } from "../lib/users/mutations";
import { encryptTotpSecret, secondFactorRequired, totpUri } from "../lib/auth/second-factor";
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_REFUND_CASES, DEMO_TOTP_SECRET, DEMO_USERS } from "./demo-data";
import { EDUCATION_AGREEMENT_STATES, HEALTH_ORGANIZATIONS, TERRITORIAL_OFFICES } from "./reference-data";
import { workingCalendarEntries } from "./working-calendar";

const SYSTEM = { id: null, label: "seed" };

export async function seedReferenceData(db: Db) {
  for (const o of TERRITORIAL_OFFICES) {
    await db.territorialOffice.upsert({ where: { code: o.code }, update: { ...o }, create: { ...o } });
  }
  for (const h of HEALTH_ORGANIZATIONS) {
    const office = await db.territorialOffice.findUniqueOrThrow({ where: { code: h.office } });
    const data = { code: h.code, nameRu: h.nameRu, nameKy: h.nameKy, officeId: office.id };
    await db.healthOrganization.upsert({ where: { code: h.code }, update: data, create: data });
  }
  for (const t of TARIFFS_FROM_2024_02_01) {
    const data = {
      category: t.category,
      termMonths: t.termMonths,
      priceSom: t.priceSom,
      effectiveFrom: toDbDate(t.effectiveFrom),
      effectiveTo: t.effectiveTo ? toDbDate(t.effectiveTo) : null,
      legalBasisRu: t.legalBasisRu,
      legalBasisKy: t.legalBasisKy,
    };
    await db.tariff.upsert({
      where: {
        category_termMonths_effectiveFrom: {
          category: t.category,
          termMonths: t.termMonths,
          effectiveFrom: data.effectiveFrom,
        },
      },
      // History is never edited in place (issue 15; a trigger refuses it): a row the Fund has closed stays closed.
      update: {},
      create: data,
    });
  }
  // The working-day calendar (cl. 13, 15): days already there are kept (the Fund's corrections win).
  await db.workingCalendarDay.createMany({
    data: workingCalendarEntries().map((e) => ({
      date: toDbDate(e.date),
      kind: e.kind,
      nameRu: e.nameRu ?? "",
      nameKy: e.nameKy ?? "",
    })),
    skipDuplicates: true,
  });
}

export async function seedDemoData(db: Db, today: CalendarDate = bishkekDate(new Date())) {
  // Illustrative states with an education agreement (cl. 4 note): the Fund keeps the real list. Not reference data:
  // an unverified list lowers students' prices, so it never reaches production; `update: {}` keeps the Fund's edits.
  for (const a of EDUCATION_AGREEMENT_STATES) {
    const data = {
      code: a.code,
      nameRu: a.nameRu,
      nameKy: a.nameKy,
      effectiveFrom: toDbDate(a.effectiveFrom),
      effectiveTo: a.effectiveTo ? toDbDate(a.effectiveTo) : null,
      legalBasisRu: a.legalBasisRu,
      legalBasisKy: a.legalBasisKy,
    };
    await db.educationAgreementState.upsert({ where: { code: a.code }, update: {}, create: data });
  }
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { login: u.login } })) continue;
    const user = await createStaffUser(SYSTEM, { ...u, password: DEMO_PASSWORD }, db);
    // Roles that must have a second factor get the fixed demo one, so they can sign in straight away.
    if (secondFactorRequired(u.role)) {
      await db.user.update({
        where: { id: user.id },
        data: { totpSecret: encryptTotpSecret(DEMO_TOTP_SECRET), totpEnabledAt: new Date() },
      });
    }
  }
  for (const p of DEMO_PEOPLE) {
    if (await db.person.findUnique({ where: { pin: p.pin } })) continue;
    const { policies, ...rest } = p;
    const external = "external" in p ? p.external : undefined;
    const person = await db.person.create({
      data: {
        pin: rest.pin,
        lastName: rest.lastName,
        firstName: rest.firstName,
        patronymic: rest.patronymic,
        birthDate: toDbDate(rest.birthDate),
        sex: rest.sex,
        category: rest.category,
        citizenship: "KG",
        documentType: rest.documentType,
        documentNumber: rest.documentNumber,
        phone: rest.phone,
      },
    });
    if (external) {
      await db.externalCoverage.create({
        data: {
          personId: person.id,
          source: "EMPLOYMENT",
          validFrom: toDbDate(addDays(today, external.fromOffset)),
          validTo: toDbDate(addDays(today, external.toOffset)),
          note: "demo",
        },
      });
    }
    for (const pol of policies) {
      const paymentDay = addDays(today, pol.paidOffset);
      const period = policyPeriodForPayment(paymentDay, 12, null);
      const tariff = await db.tariff.findFirst({
        where: { category: "CITIZEN", termMonths: 12 },
        orderBy: { effectiveFrom: "desc" },
      });
      const office = pol.office ? await db.territorialOffice.findUnique({ where: { code: pol.office } }) : null;
      const policy = await db.policy.create({
        data: {
          number: pol.number,
          personId: person.id,
          category: "CITIZEN",
          termMonths: 12,
          priceSom: tariff?.priceSom ?? 1840,
          tariffId: tariff?.id,
          status: "ISSUED",
          validFrom: toDbDate(period.validFrom),
          validTo: toDbDate(period.validTo),
          channel: pol.channel,
          officeId: office?.id ?? null,
        },
      });
      await db.payment.create({
        data: {
          channel: pol.channel === "ONLINE" ? "PORTAL" : pol.channel === "TERMINAL" ? "QUICKPAY" : "BANK_CASH_DESK",
          externalTxnId: `DEMO-${pol.number}`,
          amountSom: policy.priceSom,
          paidAt: new Date(`${paymentDay}T10:00:00+06:00`),
          payerName: `${rest.lastName} ${rest.firstName}`,
          payerPhone: rest.phone,
          status: "CONFIRMED",
          policyId: policy.id,
        },
      });
    }
  }
  for (const c of DEMO_REFUND_CASES) {
    if (await db.refundCase.findUnique({ where: { number: c.number } })) continue;
    const policy = await db.policy.findUniqueOrThrow({ where: { number: c.policy }, include: { payments: true } });
    const preparer = await db.user.findUniqueOrThrow({ where: { login: c.preparedBy } });
    const office = await db.territorialOffice.findUniqueOrThrow({ where: { code: c.officeCode } });
    await db.refundCase.create({
      data: {
        number: c.number,
        ground: "ALREADY_INSURED",
        state: "SENT",
        officeId: office.id,
        policyId: policy.id,
        paymentId: policy.payments[0]!.id,
        amountSom: policy.priceSom,
        claimantRelation: "BENEFICIARY",
        claimantName: "Алиев Нурбек",
        claimantDocument: "ID0914073",
        claimDate: toDbDate(today),
        otherCoverage: "demo",
        bankName: "Демо банк",
        bankAccount: "1180000000000007",
        outgoingNumber: `${office.code}-DEMO-00001`,
        sentAt: new Date(),
        preparedById: preparer.id,
      },
    });
  }
  await writeAudit(db, {
    actor: SYSTEM,
    action: "seed.demo",
    entity: "System",
    after: { users: DEMO_USERS.length, people: DEMO_PEOPLE.length },
  });
}

export function printDemoCredentials() {
  console.log("\nDemo staff accounts (development only), password for all: " + DEMO_PASSWORD);
  for (const u of DEMO_USERS)
    console.log(`  ${u.role.padEnd(15)} ${u.login}${secondFactorRequired(u.role) ? "  (+ code)" : ""}`);
  console.log(`Second factor of the "+ code" accounts — add to an authenticator app: ${DEMO_TOTP_SECRET}`);
  console.log(`  ${totpUri(DEMO_TOTP_SECRET, "demo")}`);
  console.log("Demo PINs for the status check: " + DEMO_PEOPLE.map((p) => p.pin).join(", ") + "\n");
}

export class DemoSeedRefused extends Error {}

/** What the seed does for these arguments: refuses demo data in production, with a message that says what to do. */
export function seedPlan(
  args: readonly string[],
  nodeEnv: string | undefined,
): { withDemo: boolean; ifEmpty: boolean } {
  const withDemo = args.includes("--demo");
  if (withDemo && nodeEnv === "production") {
    throw new DemoSeedRefused(
      "Refusing to seed demo accounts and people: NODE_ENV=production. Demo accounts have a published password. " +
        "Seed reference data only (npm run db:seed) and create the first admin with npm run user:create.",
    );
  }
  return { withDemo, ifEmpty: args.includes("--if-empty") };
}

/** The seed itself, on an open database; main() only opens and closes it. */
export async function runSeed(db: Db, args: readonly string[], nodeEnv = process.env.NODE_ENV): Promise<void> {
  const { withDemo, ifEmpty } = seedPlan(args, nodeEnv);
  if (ifEmpty && (await db.territorialOffice.count()) > 0) {
    if (withDemo) printDemoCredentials();
    return;
  }
  await seedReferenceData(db);
  console.log(
    `✔ ${TERRITORIAL_OFFICES.length} territorial offices, ${HEALTH_ORGANIZATIONS.length} health organizations, ${TARIFFS_FROM_2024_02_01.length} tariffs`,
  );
  if (withDemo) {
    await seedDemoData(db);
    console.log("✔ demo accounts and people");
    printDemoCredentials();
  } else {
    console.log("No demo accounts (pass --demo in development). Create real ones with npm run user:create.");
  }
}

async function main() {
  const args = process.argv.slice(2);
  seedPlan(args, process.env.NODE_ENV); // refuse before opening anything
  const target = resolveDbTarget();
  const { db, close } = openDb(target);
  try {
    console.log(`Seeding ${describeTarget(target)}…`);
    await runSeed(db, args);
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof DemoSeedRefused ? `✖ ${e.message}` : e);
    process.exit(1);
  });
}
