import { describe, expect, it } from "vitest";
import { db, sqlOn } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { completePersonWithPin, lockPeople } from "../../lib/people/mutations";
import { concurrentTransaction } from "../support/concurrent-transaction";
import { createPerson, createPolicy, makePin } from "../support/factories";

// Issue 17: every writer that touches a person's policies locks the people first, in one order (PIN, then id; a person
// without a PIN last — lockPeople), so that two of them never wait for each other.

const actor = { id: null, label: "test" };

/** A foreigner registered by document only, with a policy, and the person who holds the PIN they now show. */
async function twoRecordsOfOneHuman() {
  const byDocument = await createPerson({ pin: null, category: "FOREIGNER" });
  const policy = await createPolicy(byDocument.id, { validFrom: "2026-01-01", validTo: "2026-12-31" });
  const pin = makePin("MALE", "1990-05-17");
  const holder = await createPerson({ pin });
  return { byDocument, policy, pin, holder };
}

const LOCK = `SELECT 1 FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`;

describe.skipIf(resolveDbTarget().kind !== "postgres")("people locked in one order", () => {
  it("a merge of records locks the PIN's holder before the record without a PIN", async () => {
    const { byDocument, pin, holder } = await twoRecordsOfOneHuman();
    const payment = await concurrentTransaction(); // a payment for the PIN's holder: holder locked, then more
    await payment.query(LOCK, [holder.id]);
    const merged = completePersonWithPin({ personId: byDocument.id, pin, actor });
    await payment.blocksSomeone(); // the merge waits for the holder…
    await payment.query("SET LOCAL lock_timeout = '3s'");
    await payment.query(LOCK, [byDocument.id]); // …and has not taken the other record meanwhile
    await payment.commit();
    expect(await merged).toEqual({ ok: true, personId: holder.id, merged: true });
  });

  it("a lock on a policy's holder that a merge moved meanwhile locks the new holder", async () => {
    const { byDocument, policy, holder } = await twoRecordsOfOneHuman();
    const merge = await concurrentTransaction(); // a merge in progress: both locked, the policy moved, the record gone
    await merge.query(`SELECT 1 FROM "Person" WHERE "id" = ANY($1::uuid[]) ORDER BY "pin", "id" FOR UPDATE`, [
      [holder.id, byDocument.id],
    ]);
    await merge.query(`UPDATE "Policy" SET "personId" = $2::uuid WHERE "personId" = $1::uuid`, [
      byDocument.id,
      holder.id,
    ]);
    await merge.query(`DELETE FROM "Person" WHERE "id" = $1::uuid`, [byDocument.id]);

    const probe = await concurrentTransaction();
    const locking = db.$transaction(async (tx) => {
      const locked = await lockPeople(sqlOn(tx), { holdersOf: { policyIds: [policy.id] } });
      // while this transaction lasts, nobody else gets the new holder
      const other = await probe.query(`${LOCK} NOWAIT`, [holder.id]).then(
        () => "locked",
        (e: { code?: string }) => e.code,
      );
      return { locked, other };
    });
    await merge.blocksSomeone();
    await merge.commit();
    const { locked, other } = await locking;
    await probe.commit();
    expect(locked).toEqual([holder.id]);
    expect(other).toBe("55P03"); // lock_not_available
  });
});
