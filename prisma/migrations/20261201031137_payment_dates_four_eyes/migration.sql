-- CreateEnum
CREATE TYPE "PaymentApprovalKind" AS ENUM ('CASH_RECEIPT', 'REGISTRY_LINE');

-- CreateEnum
CREATE TYPE "PaymentApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "lateDated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpLastStep" INTEGER;

-- CreateTable
CREATE TABLE "PaymentApproval" (
    "id" UUID NOT NULL,
    "kind" "PaymentApprovalKind" NOT NULL,
    "channel" "PaymentChannel" NOT NULL,
    "externalTxnId" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "paidAt" TIMESTAMPTZ(3) NOT NULL,
    "amountSom" INTEGER NOT NULL,
    "officeId" INTEGER,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "PaymentApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "paymentId" UUID,

    CONSTRAINT "PaymentApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentApproval_paymentId_key" ON "PaymentApproval"("paymentId");

-- CreateIndex
CREATE INDEX "PaymentApproval_status_kind_idx" ON "PaymentApproval"("status", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentApproval_channel_externalTxnId_key" ON "PaymentApproval"("channel", "externalTxnId");

-- CreateIndex
CREATE INDEX "Payment_lateDated_idx" ON "Payment"("lateDated");

-- AddForeignKey
ALTER TABLE "PaymentApproval" ADD CONSTRAINT "PaymentApproval_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentApproval" ADD CONSTRAINT "PaymentApproval_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentApproval" ADD CONSTRAINT "PaymentApproval_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentApproval" ADD CONSTRAINT "PaymentApproval_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Issue 11, hole 4: payments recorded before this migration reached us when they were recorded.
UPDATE "Payment" SET "receivedAt" = "createdAt";

-- Four eyes, enforced by the database too: whoever asked for an approval never decides it.
CREATE FUNCTION payment_approval_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."decidedById" IS NOT NULL AND NEW."decidedById" = NEW."requestedById" THEN
    RAISE EXCEPTION 'PaymentApproval %: the requester may not decide it (four eyes)', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER payment_approval_four_eyes
  BEFORE INSERT OR UPDATE ON "PaymentApproval"
  FOR EACH ROW EXECUTE FUNCTION payment_approval_four_eyes();
