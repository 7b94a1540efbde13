-- Issue 17: a registered payer's terminal payment in one statement (lib/payments/record-payment.ts). The payment reads
-- the payer and their coverage before it writes; its statement then locks the payer's row and writes only if the
-- person's policies have not changed since. A statement's snapshot is taken when it starts, so a policy committed
-- while it waited for the lock would be invisible to it — but the row it locks is re-read at its newest version: every
-- change to a person's policies therefore changes the person's row, by this trigger, whoever writes the policy.

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
