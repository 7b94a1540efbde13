-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "rejectedTxnId" TEXT;
