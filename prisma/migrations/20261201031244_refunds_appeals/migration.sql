-- CreateEnum
CREATE TYPE "RefundGround" AS ENUM ('DEATH', 'ALREADY_INSURED', 'REFUSED_BY_RULES', 'LATE_CONFIRMATION', 'DUPLICATE_PAYMENT');

-- CreateEnum
CREATE TYPE "RefundState" AS ENUM ('DRAFT', 'SENT', 'APPROVED', 'REJECTED', 'PAID');

-- CreateEnum
CREATE TYPE "AppealState" AS ENUM ('OPEN', 'ANSWERED');

-- CreateTable
CREATE TABLE "RefundCase" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "ground" "RefundGround" NOT NULL,
    "state" "RefundState" NOT NULL,
    "sourceKey" TEXT,
    "officeId" INTEGER,
    "paymentId" UUID,
    "policyId" UUID,
    "orderId" UUID,
    "channel" "PaymentChannel",
    "providerTxnId" TEXT,
    "amountSom" INTEGER NOT NULL,
    "reason" TEXT,
    "claimantRelation" TEXT,
    "claimantName" TEXT,
    "claimantDocument" TEXT,
    "deathDate" DATE,
    "otherCoverage" TEXT,
    "claimDate" DATE,
    "bankName" TEXT,
    "bankAccount" TEXT,
    "outgoingNumber" TEXT,
    "preparedById" UUID,
    "sentAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "treasuryRef" TEXT,
    "treasuryDate" DATE,
    "paidRecordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RefundCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundDocument" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RefundDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "pin" CHAR(14) NOT NULL,
    "fullName" TEXT NOT NULL,
    "phone" TEXT,
    "officeId" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "state" "AppealState" NOT NULL DEFAULT 'OPEN',
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedById" UUID,
    "dueOn" DATE,
    "answer" TEXT,
    "answeredById" UUID,
    "closedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RefundCase_number_key" ON "RefundCase"("number");

-- CreateIndex
CREATE UNIQUE INDEX "RefundCase_sourceKey_key" ON "RefundCase"("sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "RefundCase_outgoingNumber_key" ON "RefundCase"("outgoingNumber");

-- CreateIndex
CREATE INDEX "RefundCase_state_createdAt_idx" ON "RefundCase"("state", "createdAt");

-- CreateIndex
CREATE INDEX "RefundCase_officeId_state_idx" ON "RefundCase"("officeId", "state");

-- CreateIndex
CREATE INDEX "RefundCase_paymentId_idx" ON "RefundCase"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "RefundDocument_storageKey_key" ON "RefundDocument"("storageKey");

-- CreateIndex
CREATE INDEX "RefundDocument_caseId_idx" ON "RefundDocument"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_number_key" ON "Appeal"("number");

-- CreateIndex
CREATE INDEX "Appeal_officeId_state_dueOn_idx" ON "Appeal"("officeId", "state", "dueOn");

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PurchaseOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_preparedById_fkey" FOREIGN KEY ("preparedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundCase" ADD CONSTRAINT "RefundCase_paidRecordedById_fkey" FOREIGN KEY ("paidRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundDocument" ADD CONSTRAINT "RefundDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RefundCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundDocument" ADD CONSTRAINT "RefundDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ── Written by hand (issue 14): what the schema language cannot say ──

-- Case, letter and appeal numbers: sequences hand them out without a lock (a rolled-back case leaves a gap).
CREATE SEQUENCE "refund_case_number_seq" START WITH 1;
CREATE SEQUENCE "refund_letter_number_seq" START WITH 1;
CREATE SEQUENCE "appeal_number_seq" START WITH 1;

-- A trigger, not CHECK constraints: the Wasm schema engine panics describing a table with a CHECK (STACK.md).
-- Cl. 32: no person both prepares and decides the same refund — enforced here, whatever the server does.
-- draft → sent → approved / rejected; approved → paid. Any other change of state (a skip, a step back, a second
-- decision) is refused by the database; a decided case names its decider, a paid one its treasury reference.
CREATE OR REPLACE FUNCTION "refund_case_transition"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."decidedById" IS NOT NULL AND NEW."decidedById" = NEW."preparedById" THEN
    RAISE EXCEPTION 'The person who prepared refund case % cannot decide it', NEW."number"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."amountSom" <= 0 THEN
    RAISE EXCEPTION 'A refund amount is positive' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."state" NOT IN ('DRAFT', 'SENT') THEN
      RAISE EXCEPTION 'A refund case starts as DRAFT or SENT, not %', NEW."state" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."state" = OLD."state" THEN
    IF OLD."state" <> 'DRAFT' AND (NEW."decidedById" IS DISTINCT FROM OLD."decidedById"
        OR NEW."amountSom" <> OLD."amountSom" OR NEW."treasuryRef" IS DISTINCT FROM OLD."treasuryRef") THEN
      RAISE EXCEPTION 'A refund case in state % cannot be changed', OLD."state" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NOT ((OLD."state" = 'DRAFT' AND NEW."state" = 'SENT')
       OR (OLD."state" = 'SENT' AND NEW."state" IN ('APPROVED', 'REJECTED'))
       OR (OLD."state" = 'APPROVED' AND NEW."state" = 'PAID')) THEN
    RAISE EXCEPTION 'Refund case % cannot go from % to %', OLD."number", OLD."state", NEW."state"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."state" IN ('APPROVED', 'REJECTED') AND NEW."decidedById" IS NULL THEN
    RAISE EXCEPTION 'A decided refund case names its decider' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."state" = 'PAID' AND (NEW."treasuryRef" IS NULL OR NEW."treasuryDate" IS NULL) THEN
    RAISE EXCEPTION 'A paid refund case names the treasury payment' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "RefundCase_transition"
  BEFORE INSERT OR UPDATE ON "RefundCase"
  FOR EACH ROW EXECUTE FUNCTION "refund_case_transition"();

-- One live case per payment: a second claim for money already claimed waits for the first to be rejected.
CREATE UNIQUE INDEX "RefundCase_one_live_per_payment" ON "RefundCase"("paymentId")
  WHERE "paymentId" IS NOT NULL AND "state" <> 'REJECTED';

-- The orders the rules refused before this migration (the Fund page's old list) enter the queue once each.
INSERT INTO "RefundCase" ("id", "number", "ground", "state", "sourceKey", "orderId", "channel", "providerTxnId",
                          "amountSom", "reason", "sentAt", "createdAt", "updatedAt")
SELECT gen_random_uuid(),
       'R-' || to_char(o."updatedAt" AT TIME ZONE 'Asia/Bishkek', 'YYYY') || '-'
         || lpad(nextval('"refund_case_number_seq"')::text, 6, '0'),
       CASE WHEN o."rejectionReason" LIKE 'CONFIRMED_AFTER_%' THEN 'LATE_CONFIRMATION'::"RefundGround"
            ELSE 'REFUSED_BY_RULES'::"RefundGround" END,
       'SENT', 'order:' || o."id", o."id", 'PORTAL', o."rejectedTxnId", o."priceSom", o."rejectionReason",
       o."updatedAt", o."updatedAt", o."updatedAt"
FROM "PurchaseOrder" o
WHERE o."status" = 'REJECTED' AND o."priceSom" > 0
ORDER BY o."updatedAt";
