-- Issue 17: the Fund's dashboard rollups without a row that every payment waits for. A policy's trigger
-- "Policy_dashboard_rollup" adds it to one "SalesMonthly" row (the month, office, category and sale channel) and two
-- "CoverageDaily" rows, in the policy's own transaction: so every terminal payment of a month updated the SAME rows,
-- and held their locks until it committed — the payments of the whole country took turns there (measured: most of a
-- loaded payment's time was "Lock: transactionid" on these rows, the portal and the bare reference alike).
--
-- Now each row has a slot: a transaction writes to the slot of its own database connection (1 + its backend's pid
-- modulo 16), and a connection runs one transaction at a time, so two payments wait for each other only when their
-- connections share a slot. The figures are the sums over the slots (every reader already sums: lib/reports). Slot 0
-- holds what the job `fold-dashboard-rollups` has folded in (oms_fold_dashboard_rollups below) and what
-- oms_rebuild_dashboard_rollups() writes; no trigger writes it.

ALTER TABLE "SalesMonthly" ADD COLUMN "slot" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "SalesMonthly" DROP CONSTRAINT "SalesMonthly_pkey";
ALTER TABLE "SalesMonthly" ADD CONSTRAINT "SalesMonthly_pkey" PRIMARY KEY ("month", "officeKey", "category", "saleChannel", "slot");

ALTER TABLE "CoverageDaily" ADD COLUMN "slot" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "CoverageDaily" DROP CONSTRAINT "CoverageDaily_pkey";
ALTER TABLE "CoverageDaily" ADD CONSTRAINT "CoverageDaily_pkey" PRIMARY KEY ("day", "officeKey", "slot");

CREATE OR REPLACE FUNCTION oms_dashboard_apply(p "Policy", sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  office int := coalesce(p."officeId", 0);
  -- this connection's slot (never 0: the folded totals' own)
  own smallint := 1 + pg_backend_pid() % 16;
BEGIN
  IF p."status" IN ('ISSUED', 'REFUNDED', 'REISSUED') AND p."reissuedFromId" IS NULL THEN
    INSERT INTO "SalesMonthly" AS s ("month", "officeKey", "category", "saleChannel", "slot", "policies", "revenueSom")
    VALUES (date_trunc('month', p."createdAt" AT TIME ZONE 'Asia/Bishkek')::date, office, p."category",
            oms_dashboard_sale_channel(p), own, sign, sign * p."priceSom")
    ON CONFLICT ("month", "officeKey", "category", "saleChannel", "slot") DO UPDATE
      SET "policies" = s."policies" + EXCLUDED."policies", "revenueSom" = s."revenueSom" + EXCLUDED."revenueSom";
  END IF;
  IF p."status" = 'ISSUED' AND p."validFrom" IS NOT NULL AND p."validTo" IS NOT NULL THEN
    INSERT INTO "CoverageDaily" AS c ("day", "officeKey", "slot", "starts", "ends") VALUES (p."validFrom", office, own, sign, 0)
    ON CONFLICT ("day", "officeKey", "slot") DO UPDATE SET "starts" = c."starts" + EXCLUDED."starts";
    INSERT INTO "CoverageDaily" AS c ("day", "officeKey", "slot", "starts", "ends") VALUES (p."validTo", office, own, 0, sign)
    ON CONFLICT ("day", "officeKey", "slot") DO UPDATE SET "ends" = c."ends" + EXCLUDED."ends";
  END IF;
END $$;

-- Folds the slots' rows into slot 0, one table per statement, so that the rows a dashboard sums stay few: a row a
-- transaction holds at that moment is skipped (SKIP LOCKED), never waited for, and folded at the next run. The sums
-- are unchanged by it, whenever it runs. Two folds at once would only wait for each other: the second does nothing.
CREATE FUNCTION oms_fold_dashboard_rollups() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  sales int;
  coverage int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('oms_fold_dashboard_rollups')) THEN RETURN 0; END IF;
  WITH picked AS (
    SELECT "month", "officeKey", "category", "saleChannel", "slot" FROM "SalesMonthly" WHERE "slot" <> 0
       FOR UPDATE SKIP LOCKED
  ), moved AS (
    DELETE FROM "SalesMonthly" s USING picked p
     WHERE (s."month", s."officeKey", s."category", s."saleChannel", s."slot")
         = (p."month", p."officeKey", p."category", p."saleChannel", p."slot")
    RETURNING s.*
  ), folded AS (
    INSERT INTO "SalesMonthly" AS s ("month", "officeKey", "category", "saleChannel", "slot", "policies", "revenueSom")
    SELECT "month", "officeKey", "category", "saleChannel", 0, sum("policies"), sum("revenueSom") FROM moved
     GROUP BY 1, 2, 3, 4
    ON CONFLICT ("month", "officeKey", "category", "saleChannel", "slot") DO UPDATE
      SET "policies" = s."policies" + EXCLUDED."policies", "revenueSom" = s."revenueSom" + EXCLUDED."revenueSom"
  )
  SELECT count(*) INTO sales FROM moved;
  WITH picked AS (
    SELECT "day", "officeKey", "slot" FROM "CoverageDaily" WHERE "slot" <> 0 FOR UPDATE SKIP LOCKED
  ), moved AS (
    DELETE FROM "CoverageDaily" c USING picked p
     WHERE (c."day", c."officeKey", c."slot") = (p."day", p."officeKey", p."slot")
    RETURNING c.*
  ), folded AS (
    INSERT INTO "CoverageDaily" AS c ("day", "officeKey", "slot", "starts", "ends")
    SELECT "day", "officeKey", 0, sum("starts"), sum("ends") FROM moved GROUP BY 1, 2
    ON CONFLICT ("day", "officeKey", "slot") DO UPDATE
      SET "starts" = c."starts" + EXCLUDED."starts", "ends" = c."ends" + EXCLUDED."ends"
  )
  SELECT count(*) INTO coverage FROM moved;
  RETURN sales + coverage;
END $$;
