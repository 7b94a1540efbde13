/**
 * The terminal benchmark's bare reference (issue 17): node:http + a pg Pool, the same transaction as a terminal `pay`
 * in plain SQL — the payment idempotent by (channel, externalTxnId), the person (registered when new), the policy,
 * the SMS outbox and the audit rows — without the rules' checks, Prisma or Next. Started by tests/bench/terminal-pay.ts
 * with PORT and DATABASE_URL (the benchmark's database); answers the OSMP XML's result and prv_txn only.
 *
 * Round trips per new payment: BEGIN; INSERT the payment ON CONFLICT DO NOTHING (the unique key decides between
 * duplicates: a concurrent one waits on it, then finds it); one statement for person, policy, outbox and audit; COMMIT.
 * Both statements are prepared once per connection (named), and the policy is written with its sale channel, as the
 * portal's are (lib/db `prepared`, lib/payments/record-payment.ts).
 */
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });

const xml = (txn: string, result: number, prv = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<response><osmp_txn_id>${txn}</osmp_txn_id>` +
  (prv ? `<prv_txn>${prv}</prv_txn>` : "") +
  `<result>${result}</result></response>`;

function bishkekDay(d: Date): string {
  return new Date(d.getTime() + 6 * 3600_000).toISOString().slice(0, 10);
}

async function pay(q: URLSearchParams): Promise<string> {
  const txn = q.get("txn_id") ?? "";
  const pin = q.get("account") ?? "";
  const amountSom = Math.round(Number(q.get("sum")) * 100) / 100;
  const t = q.get("txn_date") ?? "";
  const paidAt = new Date(
    `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}+06:00`,
  );
  const [last = "", first = ""] = (q.get("fio") ?? "").split(/\s+/);
  const phone = q.get("phone");
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const inserted = await client.query<{ id: string; providerNumber: number }>({
      name: "bare_payment",
      text: `INSERT INTO "Payment" ("id", "channel", "externalTxnId", "account", "amountSom", "paidAt", "receivedAt",
                              "payerName", "payerPhone", "status")
       VALUES (gen_random_uuid(), 'QUICKPAY', $1, $2, $3, $4, now(), '', $5, 'CONFIRMED')
       ON CONFLICT ("channel", "externalTxnId") DO NOTHING RETURNING "id", "providerNumber"`,
      values: [txn, pin, amountSom, paidAt, phone],
    });
    if (!inserted.rows.length) {
      await client.query("ROLLBACK");
      const known = await client.query<{ providerNumber: number }>(
        `SELECT "providerNumber" FROM "Payment" WHERE "channel" = 'QUICKPAY' AND "externalTxnId" = $1`,
        [txn],
      );
      return xml(txn, 0, String(known.rows[0]?.providerNumber ?? ""));
    }
    const payment = inserted.rows[0]!;
    const day = bishkekDay(paidAt);
    await client.query({
      name: "bare_issue",
      text: `WITH person AS (
         INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "birthDate", "sex", "category", "citizenship",
                               "phone", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4::date, $5::"Sex", 'CITIZEN', 'KG', $6, now())
         ON CONFLICT ("pin") DO UPDATE SET "phone" = EXCLUDED."phone" RETURNING "id"
       ), policy AS (
         INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status",
                               "validFrom", "validTo", "channel", "saleChannel", "updatedAt")
         SELECT gen_random_uuid(), 'E-' || left($7, 4) || '-' || lpad(nextval('"policy_number_seq"')::text, 7, '0'),
                person."id", 'CITIZEN', 12, $8, 'ISSUED', $7::date + 5, $7::date + 5 + 364, 'TERMINAL', 'QUICKPAY', now()
           FROM person RETURNING "id", "number", "validFrom"
       ), linked AS (
         UPDATE "Payment" SET "policyId" = policy."id" FROM policy WHERE "Payment"."id" = $9 RETURNING 1
       ), sms AS (
         INSERT INTO "Notification" ("id", "kind", "phone", "policyId", "sendOn", "text")
         SELECT gen_random_uuid(), k::"NotificationKind", $6, policy."id", d, 'Полис № ' || policy."number"
           FROM policy, (VALUES ('PAYMENT_RECEIVED', $7::date), ('POLICY_EFFECTIVE', $7::date + 5)) AS v(k, d)
          WHERE $6::text IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING 1
       )
       INSERT INTO "AuditLog" ("actorLabel", "action", "entity", "entityId", "after")
       SELECT 'terminal:bare', a, e, CASE e WHEN 'Policy' THEN policy."id"::text ELSE $9::text END, jsonb_build_object('policyNumber', policy."number")
         FROM policy, (VALUES ('payment.register', 'Payment'), ('policy.issue', 'Policy')) AS v(a, e)`,
      values: [pin, last, first, birthDate, pin[0] === "1" ? "FEMALE" : "MALE", phone, day, amountSom, payment.id],
    });
    await client.query("COMMIT");
    return xml(txn, 0, String(payment.providerNumber));
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const q = new URL(req.url ?? "/", "http://x").searchParams;
  const answer = q.get("command") === "pay" ? pay(q) : Promise.resolve(xml(q.get("txn_id") ?? "", 0));
  answer.then(
    (body) => res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(body),
    (e: Error) =>
      res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(xml("", 1) + `<!-- ${e.message} -->`),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`bare terminal server on :${process.env.PORT}`));
