import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { toDbDate } from "../../lib/db/calendar";
import { bishkekInstant } from "../../lib/dates";
import { findPaymentStatement } from "../../lib/payments/statement/queries";
import { findCoverageByPersonId } from "../../lib/policies/queries";
import { ZReissueInput } from "../../lib/refunds/case.schema";
import { reissuePolicy, ReissueRefused } from "../../lib/refunds/mutations";
import { insuredStatusOn } from "../../lib/rules";
import { concurrentTransaction } from "../support/concurrent-transaction";
import { createExternalCoverage, createPerson, makePin } from "../support/factories";

// Issue 14: re-issue instead of a refund (cl. 34; SPEC §6): the payer transfers a policy bought for someone found
// insured to another, uninsured person, effective from the re-issue day for the full term.

const TODAY = "2026-03-20";

async function clerk(): Promise<StaffUser> {
  const office = await db.territorialOffice.findUniqueOrThrow({ where: { code: "CHUI" } });
  const login = `reissue.clerk.${randomBytes(4).toString("hex")}`;
  const user = await db.user.create({
    data: { login, fullName: "Клерк", role: "CLERK", passwordHash: "x", officeId: office.id },
  });
  return { id: user.id, login, fullName: "Клерк", role: "CLERK", officeId: office.id, healthOrganizationId: null };
}

async function policyBoughtForInsured() {
  const holder = await createPerson();
  await createExternalCoverage(holder.id, "2026-01-01", "2026-12-31");
  const policy = await db.policy.create({
    data: {
      number: `E-2026-R${randomUUID().slice(0, 8).toUpperCase()}`,
      personId: holder.id,
      category: "CITIZEN",
      termMonths: 12,
      priceSom: 1840,
      status: "ISSUED",
      validFrom: toDbDate("2026-03-06"),
      validTo: toDbDate("2027-03-05"),
      channel: "ONLINE",
    },
  });
  await db.payment.create({
    data: {
      channel: "PORTAL",
      externalTxnId: `R-${randomUUID()}`,
      amountSom: 1840,
      paidAt: bishkekInstant("2026-03-01", "09:00:00"),
      payerName: "Плательщик Иван",
      status: "CONFIRMED",
      policyId: policy.id,
    },
  });
  return { holder, policy };
}

const input = (policyNumber: string, over: Record<string, string> = {}) =>
  ZReissueInput.parse({
    locale: "ru",
    policyNumber,
    claimantRelation: "PAYER",
    payerName: "Плательщик Иван",
    newPin: makePin("FEMALE", "1993-06-15"),
    newLastName: "Новая",
    newFirstName: "Владелица",
    newPatronymic: "",
    newCategory: "CITIZEN",
    ...over,
  });

describe("re-issue instead of refund (cl. 34; SPEC §6)", () => {
  it("moves the coverage: the old holder loses it, the new one is covered from today for 12 months; audited; both statements", async () => {
    const user = await clerk();
    const { holder, policy } = await policyBoughtForInsured();
    const form = input(policy.number);
    const result = await reissuePolicy(user, form, TODAY);
    expect(result).toMatchObject({ validFrom: TODAY, validTo: "2027-03-19" });
    expect(await db.policy.findUniqueOrThrow({ where: { id: policy.id } })).toMatchObject({ status: "REISSUED" });
    // the old holder: only their employment coverage now
    const old = insuredStatusOn(await findCoverageByPersonId(holder.id), "2027-01-15");
    expect(old.insured).toBe(false);
    const newHolder = await db.person.findUniqueOrThrow({ where: { pin: form.newPin } });
    const now = insuredStatusOn(await findCoverageByPersonId(newHolder.id), TODAY);
    expect(now).toMatchObject({ insured: true });
    expect(JSON.stringify(now)).toContain(result.number);
    expect(await db.auditLog.count({ where: { action: "policy.reissued", entityId: policy.number } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "policy.issued_by_reissue", entityId: result.number } })).toBe(1);

    const officer = user; // a clerk checks both statements (cl. 12, 33)
    const oldStatement = await findPaymentStatement(officer, holder.pin!, TODAY);
    expect(oldStatement!.rows).toEqual([
      expect.objectContaining({ policyNumber: policy.number, policyStatus: "REISSUED", amountSom: 1840 }),
    ]);
    const newStatement = await findPaymentStatement(officer, form.newPin, TODAY);
    expect(newStatement!.rows).toEqual([
      expect.objectContaining({
        policyNumber: result.number,
        policyStatus: "ISSUED",
        amountSom: 1840,
        validFrom: TODAY,
        reissuedFrom: policy.number,
      }),
    ]);
  });

  const refusals: { reason: string; over: (policyNumber: string) => Record<string, string>; codes: string[] }[] = [
    {
      reason: "only the payer asks (cl. 34)",
      over: () => ({ claimantRelation: "BENEFICIARY" }),
      codes: ["CLAIMANT_NOT_ENTITLED"],
    },
    {
      reason: "the new holder must be uninsured and eligible (a child under 16 is not)",
      over: () => ({ newPin: makePin("MALE", "2015-01-01") }),
      codes: ["NEW_HOLDER_NOT_ELIGIBLE"],
    },
    {
      reason: "the same term at the same price (a foreigner's policy costs more)",
      over: () => ({ newCategory: "FOREIGNER" }),
      codes: ["REISSUE_PRICE_MISMATCH"],
    },
  ];
  it.each(refusals)("refused: $reason", async ({ over, codes }) => {
    const user = await clerk();
    const { policy } = await policyBoughtForInsured();
    const error = await reissuePolicy(user, input(policy.number, over(policy.number)), TODAY).catch((e) => e);
    expect(error).toBeInstanceOf(ReissueRefused);
    expect((error as ReissueRefused).codes).toEqual(expect.arrayContaining(codes));
    expect(await db.policy.findUniqueOrThrow({ where: { id: policy.id } })).toMatchObject({ status: "ISSUED" });
  });

  it("refused: the holder was not insured elsewhere when it was bought (NOT_INSURED_ELSEWHERE)", async () => {
    const user = await clerk();
    const { holder, policy } = await policyBoughtForInsured();
    await db.externalCoverage.deleteMany({ where: { personId: holder.id } });
    const error = await reissuePolicy(user, input(policy.number), TODAY).catch((e) => e);
    expect((error as ReissueRefused).codes).toContain("NOT_INSURED_ELSEWHERE");
  });

  it("refused: a policy already re-issued (POLICY_NOT_ISSUED)", async () => {
    const user = await clerk();
    const { policy } = await policyBoughtForInsured();
    await reissuePolicy(user, input(policy.number), TODAY);
    const error = await reissuePolicy(user, input(policy.number), TODAY).catch((e) => e);
    expect((error as ReissueRefused).codes).toContain("POLICY_NOT_ISSUED");
  });
});

// The trigger "Policy_coverage_version" updates a policy's holder when the policy changes (issue 17): a re-issue locks
// the holder and the new holder (PIN order, as the contract import's batches) before the policy.
describe.skipIf(resolveDbTarget().kind !== "postgres")("a re-issue and a payment for the same holder", () => {
  it("the re-issue waits for the holder before it touches the policy", async () => {
    const user = await clerk();
    const { holder, policy } = await policyBoughtForInsured();
    const payment = await concurrentTransaction(); // a payment: the person locked, their policy next
    await payment.query(`SELECT 1 FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`, [holder.id]);
    const reissued = reissuePolicy(user, input(policy.number), TODAY);
    await payment.blocksSomeone(); // the re-issue waits for the holder
    await payment.query("SET LOCAL lock_timeout = '3s'");
    await payment.query(`SELECT 1 FROM "Policy" WHERE "id" = $1::uuid FOR UPDATE`, [policy.id]);
    await payment.commit();
    await reissued;
    expect(await db.policy.findUniqueOrThrow({ where: { id: policy.id } })).toMatchObject({ status: "REISSUED" });
  });
});
