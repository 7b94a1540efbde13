import { createHash, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getStatus } from "../../app/api/v1/status/route";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { toDbDate } from "../../lib/db/calendar";
import { createOrderFromDraft } from "../../lib/orders/mutations";
import { findPaymentStatement } from "../../lib/payments/statement/queries";
import { ZRefundCaseDetailsInput, ZRefundQueueFilter } from "../../lib/refunds/case.schema";
import {
  addRefundDocument,
  decideRefundCase,
  openOfficeRefundCase,
  openSystemRefundCase,
  recordRefundTransfer,
  saveRefundCaseDetails,
  sendRefundCase,
} from "../../lib/refunds/mutations";
import { assessRefundCase, findRefundCase, listRefundQueue, readRefundDocument } from "../../lib/refunds/queries";
import { bishkekInstant } from "../../lib/dates";
import { postAcquirerCallback } from "../support/acquirer";
import { concurrentTransaction } from "../support/concurrent-transaction";
import { createExternalCoverage, createPerson, makePin } from "../support/factories";

// Issue 14: refunds (cl. 32–35). The ТУ prepares, the rules decide eligibility, the Fund decides — never the preparer.

const TODAY = "2026-03-20";
const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
let seq = 0;

async function staff(role: "CLERK" | "REFUND_OFFICER", officeCode: string | null = "BISHKEK"): Promise<StaffUser> {
  const office = officeCode ? await db.territorialOffice.findUniqueOrThrow({ where: { code: officeCode } }) : null;
  const login = `refund.test.${role.toLowerCase()}.${++seq}.${randomBytes(3).toString("hex")}`;
  const user = await db.user.create({
    data: { login, fullName: `Сотрудник ${seq}`, role, passwordHash: "x", officeId: office?.id ?? null },
  });
  return {
    id: user.id,
    login,
    fullName: user.fullName,
    role,
    officeId: office?.id ?? null,
    healthOrganizationId: null,
  };
}

/** A citizen with a paid, issued 12-month policy: paid on `paidOn` (09:00 Bishkek), effective 5 days later. */
async function paidPolicy(paidOn: string, opts: { validFrom?: string; status?: "ISSUED" | "CANCELLED" } = {}) {
  const person = await createPerson();
  const validFrom = opts.validFrom ?? addDaysIso(paidOn, 5);
  const policy = await db.policy.create({
    data: {
      number: `E-2026-T${randomUUID().slice(0, 8).toUpperCase()}`,
      personId: person.id,
      category: "CITIZEN",
      termMonths: 12,
      priceSom: 1840,
      status: opts.status ?? "ISSUED",
      validFrom: toDbDate(validFrom as never),
      validTo: toDbDate(addDaysIso(validFrom, 364) as never),
      channel: "ONLINE",
    },
  });
  const payment = await db.payment.create({
    data: {
      channel: "PORTAL",
      externalTxnId: `T-${randomUUID()}`,
      amountSom: 1840,
      paidAt: bishkekInstant(paidOn, "09:00:00"),
      payerName: "Плательщик",
      status: "CONFIRMED",
      policyId: policy.id,
    },
  });
  return { person, policy, payment };
}

function addDaysIso(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function details(caseId: string, over: Record<string, string> = {}) {
  return ZRefundCaseDetailsInput.parse({
    caseId,
    ground: "ALREADY_INSURED",
    claimantRelation: "BENEFICIARY",
    claimantName: "Тестов Тест",
    claimantDocument: "ID1234567",
    claimDate: TODAY,
    deathDate: "",
    otherCoverage: "Справка Соцфонда",
    bankName: "Демир Банк",
    bankAccount: "1180000012345678",
    ...over,
  });
}

async function attachAll(clerk: StaffUser, caseId: string) {
  const assessment = await assessRefundCase(clerk, caseId);
  for (const code of assessment!.required) {
    await addRefundDocument(clerk, { caseId, code, fileName: `${code}.pdf`, bytes: PDF });
  }
}

/** A ground-2 case prepared and sent by `clerk`. */
async function sentCase(clerk: StaffUser) {
  const { person, policy, payment } = await paidPolicy("2026-03-01");
  await createExternalCoverage(person.id, "2026-01-01", "2026-12-31");
  const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
  await saveRefundCaseDetails(clerk, details(opened.id), TODAY);
  await attachAll(clerk, opened.id);
  const sent = await sendRefundCase(clerk, opened.id, TODAY);
  return { person, policy, payment, caseId: opened.id, ...sent };
}

async function status(pin: string, on: string) {
  const res = await getStatus(new Request(`http://localhost/api/v1/status?pin=${pin}&on=${on}`));
  return res.json();
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a failure");
}

describe("refund case at a ТУ, the Fund's decision (issue 14; cl. 32–35)", () => {
  it("ground 2: prepared, eligible, sent with a letter number, approved, paid — coverage ends, statement shows it", async () => {
    const clerk = await staff("CLERK");
    const officer = await staff("REFUND_OFFICER", null);
    const { person, policy, payment } = await paidPolicy("2026-03-01");
    await createExternalCoverage(person.id, "2026-01-01", "2026-12-31");
    const before = await status(person.pin!, "2027-01-10");
    expect(before.insured).toBe(true);

    const opened = await openOfficeRefundCase(clerk, policy.number.toUpperCase(), TODAY);
    expect(opened.number).toMatch(/^R-2026-\d{6}$/);
    await saveRefundCaseDetails(clerk, details(opened.id), TODAY);
    const draft = await assessRefundCase(clerk, opened.id);
    expect(draft).toMatchObject({ ok: true, amountSom: 1840 });
    expect(draft!.missing).toEqual(["PAYMENT_RECEIPT_COPY", "CLAIM_APPLICATION", "CLAIMANT_PASSPORT_COPY"]);
    expect(await failure(sendRefundCase(clerk, opened.id, TODAY))).toBe("refunds.errors.documentsMissing");

    await attachAll(clerk, opened.id);
    const { outgoingNumber } = await sendRefundCase(clerk, opened.id, TODAY);
    expect(outgoingNumber).toMatch(/^BISHKEK-2026-\d{5}$/);

    // The Fund sees the letter, opens a document (audited), approves.
    const view = await findRefundCase(officer, opened.id, TODAY);
    expect(view).toMatchObject({ state: "SENT", ground: "ALREADY_INSURED", amountSom: 1840, outgoingNumber });
    const doc = await readRefundDocument(officer, view!.documents[0]!.id);
    expect(Buffer.from(doc!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(view!.documents[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    await decideRefundCase(officer, { caseId: opened.id, decision: "APPROVE", note: "" });
    expect(await db.policy.findUniqueOrThrow({ where: { id: policy.id } })).toMatchObject({ status: "REFUNDED" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "REFUNDED",
      refundedSom: 1840,
    });
    // The status check no longer counts the refunded policy (only the external coverage, until 31 Dec).
    const after = await status(person.pin!, "2027-01-10");
    expect(after.insured).toBe(false);
    const statement = await findPaymentStatement(officer, person.pin!, TODAY);
    expect(statement!.rows).toEqual([
      expect.objectContaining({ policyNumber: policy.number, refundedSom: 1840, policyStatus: "REFUNDED" }),
    ]);

    await recordRefundTransfer(officer, { caseId: opened.id, treasuryRef: "ПП-77", treasuryDate: TODAY }, TODAY);
    expect(await db.refundCase.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({
      state: "PAID",
      treasuryRef: "ПП-77",
    });
    const actions = await db.auditLog.findMany({
      where: { entity: "RefundCase", entityId: opened.number },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "refund.draft_opened",
      "refund.details_saved",
      "refund.document_added",
      "refund.document_added",
      "refund.document_added",
      "refund.sent",
      "refund.document_viewed",
      "refund.approved",
      "refund.paid",
    ]);
    expect(await db.auditLog.count({ where: { action: "policy.refunded", entityId: policy.number } })).toBe(1);
  });

  // Every refusal reason of cl. 32 the ТУ can meet; the case cannot be sent while the rules refuse.
  const refusals: { reason: string; setup: () => Promise<{ paidOn: string; over: Record<string, string> }> }[] = [
    {
      reason: "DEATH_DAY_MISSING",
      setup: async () => ({ paidOn: "2026-03-10", over: { ground: "DEATH", claimantRelation: "SPOUSE" } }),
    },
    {
      reason: "DEATH_AFTER_EFFECTIVE",
      setup: async () => ({
        paidOn: "2026-03-10",
        over: { ground: "DEATH", claimantRelation: "SPOUSE", deathDate: "2026-03-15" },
      }),
    },
    {
      reason: "CLAIM_AFTER_30_DAYS",
      // paid 10 Feb → the last day to claim is 12 March (payment + 30); the claim on day 31 is refused
      setup: async () => ({
        paidOn: "2026-02-10",
        over: { ground: "DEATH", claimantRelation: "PARENT", deathDate: "2026-02-12", claimDate: "2026-03-13" },
      }),
    },
    {
      reason: "CLAIMANT_NOT_ENTITLED",
      setup: async () => ({
        paidOn: "2026-03-10",
        over: { ground: "DEATH", claimantRelation: "OTHER", deathDate: "2026-03-11" },
      }),
    },
    { reason: "NOT_INSURED_ELSEWHERE", setup: async () => ({ paidOn: "2026-03-01", over: {} }) },
  ];
  it.each(refusals)("refused with the reason: $reason", async ({ reason, setup }) => {
    const clerk = await staff("CLERK");
    const { paidOn, over } = await setup();
    const { policy } = await paidPolicy(paidOn);
    const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
    await saveRefundCaseDetails(clerk, details(opened.id, over), TODAY);
    const assessment = await assessRefundCase(clerk, opened.id);
    expect(assessment!.ok).toBe(false);
    expect(assessment!.ok ? [] : assessment!.refusals.map((r) => r.code)).toContain(reason);
    await attachAll(clerk, opened.id);
    expect(await failure(sendRefundCase(clerk, opened.id, TODAY))).toBe("refunds.errors.notEligible");
    expect(await db.refundCase.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({ state: "DRAFT" });
  });

  it("a death claim on day 30 is accepted; day 31 is refused (cl. 32, I11)", async () => {
    const clerk = await staff("CLERK");
    const { policy } = await paidPolicy("2026-02-10");
    const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
    const death = { ground: "DEATH", claimantRelation: "CHILD", deathDate: "2026-02-12" };
    await saveRefundCaseDetails(clerk, details(opened.id, { ...death, claimDate: "2026-03-12" }), TODAY);
    expect((await assessRefundCase(clerk, opened.id))!.ok).toBe(true);
    await saveRefundCaseDetails(clerk, details(opened.id, { ...death, claimDate: "2026-03-13" }), TODAY);
    expect((await assessRefundCase(clerk, opened.id))!.ok).toBe(false);
  });

  it("POLICY_NOT_ISSUED and NOTHING_PAID: a cancelled policy is refused; a policy nobody paid has no case", async () => {
    const clerk = await staff("CLERK");
    const { policy, person } = await paidPolicy("2026-03-01", { status: "CANCELLED" });
    await createExternalCoverage(person.id, "2026-01-01", "2026-12-31");
    const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
    await saveRefundCaseDetails(clerk, details(opened.id), TODAY);
    const assessment = await assessRefundCase(clerk, opened.id);
    expect(assessment!.ok ? [] : assessment!.refusals.map((r) => r.code)).toContain("POLICY_NOT_ISSUED");

    const unpaid = await db.policy.create({
      data: {
        number: `E-2026-U${randomUUID().slice(0, 8)}`,
        personId: person.id,
        category: "CITIZEN",
        termMonths: 12,
        priceSom: 1840,
        status: "PENDING",
        channel: "ONLINE",
      },
    });
    expect(await failure(openOfficeRefundCase(clerk, unpaid.number, TODAY))).toBe("refunds.errors.nothingPaid");
    expect(await failure(openOfficeRefundCase(clerk, "E-0000-NOPE", TODAY))).toBe("refunds.errors.policyNotFound");
  });

  it("one live case per policy; a second claim names the first", async () => {
    const clerk = await staff("CLERK");
    const { policy } = await paidPolicy("2026-03-01");
    await openOfficeRefundCase(clerk, policy.number, TODAY);
    expect(await failure(openOfficeRefundCase(clerk, policy.number, TODAY))).toBe("refunds.errors.alreadyClaimed");
  });

  it("state machine: no step is skipped, by the server or straight in the database", async () => {
    const clerk = await staff("CLERK");
    const officer = await staff("REFUND_OFFICER", null);
    const { policy } = await paidPolicy("2026-03-01");
    const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
    // draft → approved, draft → paid: refused (the Fund does not even see a draft)
    expect(await failure(decideRefundCase(officer, { caseId: opened.id, decision: "APPROVE", note: "" }))).toBe(
      "refunds.errors.notFound",
    );
    expect(
      await failure(
        recordRefundTransfer(officer, { caseId: opened.id, treasuryRef: "X-1", treasuryDate: TODAY }, TODAY),
      ),
    ).toBe("refunds.errors.notApproved");
    await expect(
      db.refundCase.update({ where: { id: opened.id }, data: { state: "APPROVED", decidedById: officer.id } }),
    ).rejects.toThrow(/cannot go from DRAFT to APPROVED/);

    const sent = await sentCase(clerk);
    // sent → paid: refused; approved → rejected, approved → sent: refused by the database
    await expect(
      db.refundCase.update({
        where: { id: sent.caseId },
        data: { state: "PAID", treasuryRef: "X", treasuryDate: toDbDate(TODAY) },
      }),
    ).rejects.toThrow(/cannot go from SENT to PAID/);
    await decideRefundCase(officer, { caseId: sent.caseId, decision: "APPROVE", note: "" });
    expect(await failure(decideRefundCase(officer, { caseId: sent.caseId, decision: "REJECT", note: "нет" }))).toBe(
      "refunds.errors.notSent",
    );
    await expect(db.refundCase.update({ where: { id: sent.caseId }, data: { state: "SENT" } })).rejects.toThrow(
      /cannot go from APPROVED to SENT/,
    );
    // a draft cannot be changed once sent
    expect(await failure(saveRefundCaseDetails(clerk, details(sent.caseId), TODAY))).toBe("refunds.errors.notDraft");
  });

  it("a rejection keeps the coverage and frees the policy for a new claim", async () => {
    const clerk = await staff("CLERK");
    const officer = await staff("REFUND_OFFICER", null);
    const sent = await sentCase(clerk);
    await decideRefundCase(officer, { caseId: sent.caseId, decision: "REJECT", note: "Справка не подтверждает" });
    expect(await db.policy.findUniqueOrThrow({ where: { id: sent.policy.id } })).toMatchObject({ status: "ISSUED" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: sent.payment.id } })).toMatchObject({ refundedSom: 0 });
    await expect(openOfficeRefundCase(clerk, sent.policy.number, TODAY)).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("the preparer never decides: not with the officer's role too, not straight in the database", async () => {
    const clerk = await staff("CLERK");
    const sent = await sentCase(clerk);
    // The clerk is given the refund officer's role (issue 14 acceptance): still not their own case.
    await db.user.update({ where: { id: clerk.id }, data: { role: "REFUND_OFFICER", officeId: null } });
    const promoted: StaffUser = { ...clerk, role: "REFUND_OFFICER", officeId: null };
    expect(await failure(decideRefundCase(promoted, { caseId: sent.caseId, decision: "APPROVE", note: "" }))).toBe(
      "refunds.errors.ownCase",
    );
    expect(
      await db.auditLog.count({ where: { action: "access.denied", actorId: clerk.id, entityId: "refund.approve" } }),
    ).toBe(1);
    await expect(
      db.refundCase.update({
        where: { id: sent.caseId },
        data: { state: "APPROVED", decidedById: clerk.id, decidedAt: new Date() },
      }),
    ).rejects.toThrow(/cannot decide it/);
    expect(await db.refundCase.findUniqueOrThrow({ where: { id: sent.caseId } })).toMatchObject({ state: "SENT" });
  });

  it(`two approvals fired together, 50 times: exactly one transition each time (${resolveDbTarget().kind})`, async () => {
    const officers = [await staff("REFUND_OFFICER", null), await staff("REFUND_OFFICER", null)];
    for (let i = 0; i < 50; i++) {
      const key = `test:race:${randomUUID()}`;
      await db.$transaction((tx) =>
        openSystemRefundCase(tx, {
          ground: "REFUSED_BY_RULES",
          sourceKey: key,
          orderId: null,
          channel: "PORTAL",
          providerTxnId: key,
          amountSom: 1840,
          reason: "INSURED_ELSEWHERE",
          today: TODAY,
          actor: { id: null, label: "test" },
        }),
      );
      const c = await db.refundCase.findUniqueOrThrow({ where: { sourceKey: key } });
      const results = await Promise.allSettled(
        officers.map((o) => decideRefundCase(o, { caseId: c.id, decision: "APPROVE", note: "" })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(failed.reason.message).toBe("refunds.errors.notSent");
      expect(await db.auditLog.count({ where: { action: "refund.approved", entityId: c.number } })).toBe(1);
    }
  });

  it("uploads: wrong type, oversized, a renamed executable, empty — refused with a clear message, nothing stored", async () => {
    const clerk = await staff("CLERK");
    const { policy } = await paidPolicy("2026-03-01");
    const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
    const files = await db.storedFile.count();
    const attempt = (fileName: string, bytes: Uint8Array) =>
      failure(addRefundDocument(clerk, { caseId: opened.id, code: "CLAIM_APPLICATION", fileName, bytes }));
    expect(await attempt("notes.txt", new Uint8Array(Buffer.from("just text")))).toBe("refunds.errors.fileWrongType");
    expect(await attempt("scan.gif", new Uint8Array(Buffer.from("GIF89a......")))).toBe("refunds.errors.fileWrongType");
    // a Windows executable and an ELF binary renamed to look like a scan
    expect(await attempt("passport.pdf", new Uint8Array(Buffer.from("MZ\x90\x00\x03\x00\x00\x00PE")))).toBe(
      "refunds.errors.fileWrongType",
    );
    expect(await attempt("receipt.png", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBe(
      "refunds.errors.fileWrongType",
    );
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await attempt("big.pdf", big)).toBe("refunds.errors.fileTooLarge");
    expect(await attempt("empty.pdf", new Uint8Array())).toBe("refunds.errors.fileEmpty");
    expect(await db.refundDocument.count({ where: { caseId: opened.id } })).toBe(0);
    expect(await db.storedFile.count()).toBe(files);
    // a PNG (by content, whatever its name) is accepted, with its hash
    await addRefundDocument(clerk, { caseId: opened.id, code: "CLAIM_APPLICATION", fileName: "scan.bin", bytes: PNG });
    expect(await db.refundDocument.findFirstOrThrow({ where: { caseId: opened.id } })).toMatchObject({
      contentType: "image/png",
      sizeBytes: PNG.length,
      sha256: createHash("sha256").update(PNG).digest("hex"),
    });
  });

  it("another office's case is 'not found' and the attempt is audited", async () => {
    const clerk = await staff("CLERK", "BISHKEK");
    const other = await staff("CLERK", "OSH");
    const { policy } = await paidPolicy("2026-03-01");
    const opened = await openOfficeRefundCase(clerk, policy.number, TODAY);
    expect(await findRefundCase(other, opened.id, TODAY)).toBeNull();
    expect(await failure(saveRefundCaseDetails(other, details(opened.id), TODAY))).toBe("refunds.errors.notFound");
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: other.id } })).toBe(2);
    // A refund officer does not see drafts: they have not been sent.
    expect(await findRefundCase(await staff("REFUND_OFFICER", null), opened.id, TODAY)).toBeNull();
  });

  it("the queue: paged, filtered by state, ground, office and age", async () => {
    const clerk = await staff("CLERK", "TALAS");
    const officer = await staff("REFUND_OFFICER", null);
    const sent = await sentCase(clerk);
    const q = (f: Record<string, string>) => listRefundQueue(officer, ZRefundQueueFilter.parse(f), TODAY);
    const byOffice = await q({ office: "TALAS" });
    expect(byOffice.rows.map((r) => r.id)).toContain(sent.caseId);
    expect(byOffice.rows.every((r) => r.officeCode === "TALAS")).toBe(true);
    expect((await q({ office: "TALAS", ground: "DEATH" })).rows.map((r) => r.id)).not.toContain(sent.caseId);
    expect((await q({ office: "TALAS", state: "SENT", age: "0-7" })).rows.map((r) => r.id)).toContain(sent.caseId);
    expect((await q({ office: "TALAS", age: "31+" })).rows.map((r) => r.id)).not.toContain(sent.caseId);
    expect((await q({ office: "none" })).rows.every((r) => r.officeCode === null)).toBe(true);
    const page2 = await q({ page: "2" });
    expect(page2.page).toBe(2);
    expect(page2.pageSize).toBe(50);
  });
});

// The trigger "Policy_coverage_version" updates a policy's holder when the policy changes (issue 17): an approval locks
// the holder before the policy, as a payment does (the person, then their policy) — the reverse order could deadlock.
describe.skipIf(resolveDbTarget().kind !== "postgres")("an approval and a payment for the same holder", () => {
  it("the approval waits for the holder before it touches the policy", async () => {
    const clerk = await staff("CLERK");
    const officer = await staff("REFUND_OFFICER", null);
    const sent = await sentCase(clerk);
    const payment = await concurrentTransaction(); // a payment: the person locked, their policy next
    await payment.query(`SELECT 1 FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`, [sent.person.id]);
    const decided = decideRefundCase(officer, { caseId: sent.caseId, decision: "APPROVE", note: "" });
    await payment.blocksSomeone(); // the approval waits for the holder
    await payment.query("SET LOCAL lock_timeout = '3s'");
    await payment.query(`SELECT 1 FROM "Policy" WHERE "id" = $1::uuid FOR UPDATE`, [sent.policy.id]);
    await payment.commit();
    await decided;
    expect(await db.policy.findUniqueOrThrow({ where: { id: sent.policy.id } })).toMatchObject({ status: "REFUNDED" });
  });
});

describe("the system opens cases by itself (issue 14)", () => {
  it("a duplicate payment for a paid order enters the queue once per provider transaction", async () => {
    const pin = makePin("FEMALE", "1991-02-03");
    const created = await createOrderFromDraft(
      {
        idKind: "PIN",
        pin,
        lastName: "Асанова",
        firstName: "Айгуль",
        phone: "+996700123456",
        category: "CITIZEN",
        termMonths: 12,
      },
      "ru",
      new Date(),
    );
    if (!created.ok) throw new Error("order refused");
    const order = await db.purchaseOrder.findUniqueOrThrow({ where: { id: created.orderId } });
    const paidAt = new Date().toISOString();
    const first = {
      txnId: `TA-${randomUUID()}`,
      orderRef: order.id,
      amountSom: order.priceSom,
      status: "CONFIRMED" as const,
      paidAt,
    };
    expect((await postAcquirerCallback(first)).status).toBe(200);
    const second = { ...first, txnId: `TA-${randomUUID()}` };
    const answers = await Promise.all([postAcquirerCallback(second), postAcquirerCallback(second)]);
    expect(answers.map((a) => a.status)).toEqual([409, 409]);
    const cases = await db.refundCase.findMany({ where: { providerTxnId: second.txnId } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ ground: "DUPLICATE_PAYMENT", state: "SENT", amountSom: 1840, orderId: order.id });
  });
});
