-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "acquirerCheckedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "TestAcquirerTransaction" (
    "sessionId" TEXT NOT NULL,
    "txnId" TEXT NOT NULL,
    "orderRef" TEXT NOT NULL,
    "amountSom" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "paidAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TestAcquirerTransaction_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TestAcquirerTransaction_txnId_key" ON "TestAcquirerTransaction"("txnId");
