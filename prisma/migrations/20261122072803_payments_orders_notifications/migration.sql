-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'DECLINED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('PAYMENT_RECEIVED', 'POLICY_EFFECTIVE');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "account" TEXT,
ADD COLUMN     "officeId" INTEGER,
ADD COLUMN     "refundedSom" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "registeredById" UUID;

-- AlterTable
ALTER TABLE "Person" ALTER COLUMN "documentType" DROP NOT NULL,
ALTER COLUMN "documentNumber" DROP NOT NULL;

-- CreateTable
CREATE TABLE "NumberSequence" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "NumberSequence_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "basketId" UUID,
    "pin" CHAR(14),
    "documentType" "DocumentType",
    "documentNumber" TEXT,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "patronymic" TEXT,
    "birthDate" DATE,
    "sex" "Sex",
    "category" "Category" NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "priceSom" INTEGER NOT NULL,
    "phone" TEXT NOT NULL,
    "payerName" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "providerRef" TEXT,
    "paymentId" UUID,
    "policyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "phone" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sendOn" DATE NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "sentAt" TIMESTAMPTZ(3),
    "policyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryUpload" (
    "id" UUID NOT NULL,
    "provider" "PaymentChannel" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "missingOurs" INTEGER NOT NULL,
    "missingTheirs" INTEGER NOT NULL,
    "mismatched" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistryUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_secret_key" ON "PurchaseOrder"("secret");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_providerRef_key" ON "PurchaseOrder"("providerRef");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_paymentId_key" ON "PurchaseOrder"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_policyId_key" ON "PurchaseOrder"("policyId");

-- CreateIndex
CREATE INDEX "PurchaseOrder_basketId_idx" ON "PurchaseOrder"("basketId");

-- CreateIndex
CREATE INDEX "PurchaseOrder_status_createdAt_idx" ON "PurchaseOrder"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_status_sendOn_idx" ON "Notification"("status", "sendOn");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_policyId_kind_key" ON "Notification"("policyId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryUpload_provider_fileSha256_key" ON "RegistryUpload"("provider", "fileSha256");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryUpload" ADD CONSTRAINT "RegistryUpload_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
