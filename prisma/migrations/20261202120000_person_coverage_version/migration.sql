-- Issue 17: a registered payer's terminal payment in one statement (lib/payments/record-payment.ts). The payment reads
-- the payer and their coverage before it writes; its statement then locks the payer's row and writes only if the
-- person's coverage has not changed since. A statement's snapshot is taken when it starts, so a policy committed
-- while it waited for the lock would be invisible to it — but the row it locks is re-read at its newest version: every
-- change to a person's policies therefore changes the person's row, by this trigger, whoever writes the policy.
-- Whoever changes a policy and its holder in one transaction locks the holder first (lockPeople in
-- lib/people/mutations.ts): the trigger locks the holder after the policy, and the reverse order could deadlock.

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "coverageVersion" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION oms_policy_coverage_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "Person" SET "coverageVersion" = "coverageVersion" + 1 WHERE "id" = OLD."personId";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."personId" IS DISTINCT FROM OLD."personId") THEN
    UPDATE "Person" SET "coverageVersion" = "coverageVersion" + 1 WHERE "id" = NEW."personId";
  END IF;
  RETURN NULL;
END $$;

-- Only the columns the purchase rules read of a policy (lib/policies/status-sql.ts): its other updates (a hand-over,
-- updatedAt) leave the person as it is.
CREATE TRIGGER "Policy_coverage_version"
  AFTER INSERT OR DELETE OR UPDATE OF "personId", "number", "status", "validFrom", "validTo"
  ON "Policy" FOR EACH ROW EXECUTE FUNCTION oms_policy_coverage_version();

-- Coverage from another source given to a person, moved to another or changed: the same. The registry import's rows
-- (importId set, lib/coverage) are the exception: one update of a person per row would double a 1 000 000-row import,
-- and the import holds only the foreign key's KEY SHARE lock on the person, which the payment's statement does not
-- wait for (FOR NO KEY UPDATE): an import's rows are in its snapshot or committed after it. Removing coverage needs no
-- count: a payment read with coverage from another source is never decided in one statement.
CREATE FUNCTION oms_external_coverage_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE "Person" SET "coverageVersion" = "coverageVersion" + 1 WHERE "id" = OLD."personId";
  END IF;
  IF TG_OP = 'INSERT' OR NEW."personId" IS DISTINCT FROM OLD."personId" THEN
    UPDATE "Person" SET "coverageVersion" = "coverageVersion" + 1 WHERE "id" = NEW."personId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ExternalCoverage_coverage_version_insert"
  AFTER INSERT ON "ExternalCoverage" FOR EACH ROW WHEN (NEW."importId" IS NULL)
  EXECUTE FUNCTION oms_external_coverage_version();

CREATE TRIGGER "ExternalCoverage_coverage_version_update"
  AFTER UPDATE OF "personId", "source", "validFrom", "validTo" ON "ExternalCoverage" FOR EACH ROW
  EXECUTE FUNCTION oms_external_coverage_version();
