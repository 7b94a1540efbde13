-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'REJECTED';

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "rejectionReason" TEXT;
