import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { fromDbDate } from "../../lib/db/calendar";
import type { BuyDraft } from "../../lib/orders/draft";
import { afterIdentity } from "../../lib/orders/journey";
import { createOrderFromDraft } from "../../lib/orders/mutations";
import { postAcquirerCallback } from "../support/acquirer";
import { addDays, bishkekDate, studentFirstStageEnd, validThrough } from "../../lib/rules";
import { makePin } from "../support/factories";

// Issue 9: a foreign student pays half online, then the second half extends the same policy (cl. 4 note; SPEC §2).

async function pay(draft: BuyDraft) {
  const created = await createOrderFromDraft(draft, "ru", new Date());
  if (!created.ok) throw new Error(`refused: ${created.refusals.map((r) => r.code).join()}`);
  const order = await db.purchaseOrder.findUniqueOrThrow({ where: { id: created.orderId } });
  const body = {
    txnId: `TA-${randomBytes(12).toString("base64url")}`,
    orderRef: order.id,
    amountSom: order.priceSom,
    status: "CONFIRMED" as const,
    paidAt: new Date().toISOString(),
  };
  const res = await postAcquirerCallback(body);
  return { order, res, json: await res.json() };
}

describe("a student pays online in two halves (issue 9)", () => {
  it("the first half buys 6 months; the second half, found by the PIN, extends the same policy to 12 months", async () => {
    const pin = makePin("MALE", "2003-09-01");
    const today = bishkekDate(new Date());
    const first: BuyDraft = {
      idKind: "PIN",
      pin,
      lastName: "Ли",
      firstName: "Вэй",
      phone: "+996700123456",
      category: "FOREIGN_STUDENT",
      termMonths: 12,
      instalment: "FIRST_HALF",
    };
    const paid1 = await pay(first);
    expect(paid1.order.priceSom).toBe(5955);
    expect(paid1.res.status).toBe(200);
    const policy = await db.policy.findFirstOrThrow({ where: { person: { pin } } });
    const validFrom = addDays(today, 5);
    expect(fromDbDate(policy.validFrom!)).toBe(validFrom);
    expect(fromDbDate(policy.validTo!)).toBe(studentFirstStageEnd(validFrom));
    expect(policy.priceSom).toBe(11910);

    // The same student comes back: the journey offers the second half of that policy, nothing else.
    const { draft } = await afterIdentity({ idKind: "PIN", pin }, today);
    expect(draft).toMatchObject({ instalment: "SECOND_HALF", category: "FOREIGN_STUDENT", termMonths: 12 });
    const paid2 = await pay({ ...draft, lastName: "Ли", firstName: "Вэй", phone: "+996700123456" });
    expect(paid2.order.priceSom).toBe(5955);
    expect(paid2.res.status).toBe(200);
    const after = await db.policy.findMany({ where: { person: { pin } } });
    expect(after).toHaveLength(1);
    expect(after[0]!.number).toBe(policy.number);
    expect(fromDbDate(after[0]!.validTo!)).toBe(validThrough(validFrom, 12));
    expect(await db.payment.count({ where: { policyId: policy.id } })).toBe(2);

    // Paid in full now: the journey no longer offers a second half.
    const again = await afterIdentity({ idKind: "PIN", pin }, today);
    expect(again.draft.instalment).toBeUndefined();
  });
});
