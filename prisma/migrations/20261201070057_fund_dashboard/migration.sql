-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ANALYST';

-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "saleChannel" "PaymentChannel";

-- CreateTable
CREATE TABLE "SalesMonthly" (
    "month" DATE NOT NULL,
    "officeKey" INTEGER NOT NULL,
    "category" "Category" NOT NULL,
    "saleChannel" TEXT NOT NULL,
    "policies" INTEGER NOT NULL,
    "revenueSom" BIGINT NOT NULL,

    CONSTRAINT "SalesMonthly_pkey" PRIMARY KEY ("month","officeKey","category","saleChannel")
);

-- CreateTable
CREATE TABLE "CoverageDaily" (
    "day" DATE NOT NULL,
    "officeKey" INTEGER NOT NULL,
    "starts" INTEGER NOT NULL,
    "ends" INTEGER NOT NULL,

    CONSTRAINT "CoverageDaily_pkey" PRIMARY KEY ("day","officeKey")
);

-- The Fund's dashboard (issue 15). Two rollups, kept equal to the records by triggers in the same transaction as the
-- row that changes them (so a payment's policy is in the figures the moment it commits, and a rolled-back payment
-- never is); `oms_rebuild_dashboard_rollups()` recomputes both from the records (the benchmark's bulk load, repairs).
-- What counts (interpretation I42, lib/rules/README.md): a policy is *sold* when it is ISSUED, REFUNDED or REISSUED and
-- is not itself a re-issue (cl. 34 moves a sale, it makes none), in the Bishkek month of its creation, for its price;
-- it is *in force* on a day when ISSUED and validFrom ≤ day ≤ validTo.

-- Which terminal network or portal sold an ONLINE/TERMINAL policy: its first payment's channel, copied when the
-- payment is recorded (recordPayment creates the policy, then its payment, in one transaction).
CREATE FUNCTION oms_payment_sale_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."policyId" IS NOT NULL THEN
    UPDATE "Policy" SET "saleChannel" = NEW."channel"
     WHERE "id" = NEW."policyId" AND "saleChannel" IS NULL AND "channel" IN ('ONLINE', 'TERMINAL');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Payment_sale_channel" AFTER INSERT OR UPDATE OF "policyId" ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION oms_payment_sale_channel();

CREATE FUNCTION oms_dashboard_sale_channel(p "Policy") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p."channel"
    WHEN 'HEALTH_ORG' THEN 'PREGNANCY'
    WHEN 'ONLINE' THEN coalesce(p."saleChannel"::text, 'PORTAL')
    WHEN 'TERMINAL' THEN coalesce(p."saleChannel"::text, 'TERMINAL')
    ELSE p."channel"::text END
$$;

CREATE FUNCTION oms_dashboard_apply(p "Policy", sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  office int := coalesce(p."officeId", 0);
BEGIN
  IF p."status" IN ('ISSUED', 'REFUNDED', 'REISSUED') AND p."reissuedFromId" IS NULL THEN
    INSERT INTO "SalesMonthly" AS s ("month", "officeKey", "category", "saleChannel", "policies", "revenueSom")
    VALUES (date_trunc('month', p."createdAt" AT TIME ZONE 'Asia/Bishkek')::date, office, p."category",
            oms_dashboard_sale_channel(p), sign, sign * p."priceSom")
    ON CONFLICT ("month", "officeKey", "category", "saleChannel") DO UPDATE
      SET "policies" = s."policies" + EXCLUDED."policies", "revenueSom" = s."revenueSom" + EXCLUDED."revenueSom";
  END IF;
  IF p."status" = 'ISSUED' AND p."validFrom" IS NOT NULL AND p."validTo" IS NOT NULL THEN
    INSERT INTO "CoverageDaily" AS c ("day", "officeKey", "starts", "ends") VALUES (p."validFrom", office, sign, 0)
    ON CONFLICT ("day", "officeKey") DO UPDATE SET "starts" = c."starts" + EXCLUDED."starts";
    INSERT INTO "CoverageDaily" AS c ("day", "officeKey", "starts", "ends") VALUES (p."validTo", office, 0, sign)
    ON CONFLICT ("day", "officeKey") DO UPDATE SET "ends" = c."ends" + EXCLUDED."ends";
  END IF;
END $$;

CREATE FUNCTION oms_policy_dashboard_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM oms_dashboard_apply(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM oms_dashboard_apply(NEW, 1); END IF;
  RETURN NULL;
END $$;

-- Only the columns the rollups read: a policy's other updates (updatedAt, a hand-over) cost nothing here.
CREATE TRIGGER "Policy_dashboard_rollup"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "validFrom", "validTo", "officeId", "category", "priceSom",
    "channel", "saleChannel", "reissuedFromId", "createdAt"
  ON "Policy" FOR EACH ROW EXECUTE FUNCTION oms_policy_dashboard_rollup();

CREATE FUNCTION oms_rebuild_dashboard_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Policy" IN SHARE MODE;
  DELETE FROM "SalesMonthly";
  DELETE FROM "CoverageDaily";
  INSERT INTO "SalesMonthly" ("month", "officeKey", "category", "saleChannel", "policies", "revenueSom")
  SELECT date_trunc('month', p."createdAt" AT TIME ZONE 'Asia/Bishkek')::date, coalesce(p."officeId", 0), p."category",
         oms_dashboard_sale_channel(p), count(*), sum(p."priceSom")
    FROM "Policy" p
   WHERE p."status" IN ('ISSUED', 'REFUNDED', 'REISSUED') AND p."reissuedFromId" IS NULL
   GROUP BY 1, 2, 3, 4;
  INSERT INTO "CoverageDaily" ("day", "officeKey", "starts", "ends")
  SELECT d, o, sum(s), sum(e) FROM (
    SELECT p."validFrom" AS d, coalesce(p."officeId", 0) AS o, 1 AS s, 0 AS e FROM "Policy" p
     WHERE p."status" = 'ISSUED' AND p."validFrom" IS NOT NULL AND p."validTo" IS NOT NULL
    UNION ALL
    SELECT p."validTo", coalesce(p."officeId", 0), 0, 1 FROM "Policy" p
     WHERE p."status" = 'ISSUED' AND p."validFrom" IS NOT NULL AND p."validTo" IS NOT NULL
  ) x GROUP BY d, o;
END $$;

-- The sale channel of the policies already sold, then the rollups from the records.
UPDATE "Policy" p SET "saleChannel" = (
  SELECT pay."channel" FROM "Payment" pay WHERE pay."policyId" = p."id" ORDER BY pay."createdAt", pay."providerNumber" LIMIT 1)
 WHERE p."channel" IN ('ONLINE', 'TERMINAL');
SELECT oms_rebuild_dashboard_rollups();

-- Registries (issue 15): the national lists page newest first, an index-only scan down to the page's 50 ids; refund
-- cases group by ground and state per period.
CREATE INDEX "Policy_createdAt_id_idx" ON "Policy"("createdAt", "id");
CREATE INDEX "Person_createdAt_id_idx" ON "Person"("createdAt", "id");
CREATE INDEX "Payment_paidAt_id_idx" ON "Payment"("paidAt", "id");
CREATE INDEX "RefundCase_createdAt_idx" ON "RefundCase"("createdAt");
-- a receipt searched by the channel's transaction id alone (the unique key leads with the channel)
CREATE INDEX "Payment_externalTxnId_idx" ON "Payment"("externalTxnId");
