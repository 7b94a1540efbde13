-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('ACTIVE', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ContractPaymentMode" AS ENUM ('WHOLE', 'PER_PERSON');

-- CreateEnum
CREATE TYPE "ContractImportStatus" AS ENUM ('VALIDATING', 'PREVIEW', 'IMPORTING', 'DONE', 'FAILED');

-- AlterEnum
ALTER TYPE "PaymentChannel" ADD VALUE 'CONTRACT';

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "officeId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "entityName" TEXT NOT NULL,
    "registrationNumber" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "contactEmail" TEXT,
    "status" "ContractStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractImport" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "officeId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileFormat" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileData" BYTEA,
    "status" "ContractImportStatus" NOT NULL DEFAULT 'VALIDATING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "acceptedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "issuedRows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "paymentMode" "ContractPaymentMode",
    "paymentReference" TEXT,
    "paymentDate" DATE,
    "amountSom" INTEGER,
    "paymentId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ContractImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractImportRow" (
    "id" BIGSERIAL NOT NULL,
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "reason" TEXT,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "patronymic" TEXT,
    "pin" TEXT NOT NULL,
    "documentType" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "priceSom" INTEGER,

    CONSTRAINT "ContractImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractPerson" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractPerson_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contract_officeId_createdAt_idx" ON "Contract"("officeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_officeId_number_key" ON "Contract"("officeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ContractImport_paymentReference_key" ON "ContractImport"("paymentReference");

-- CreateIndex
CREATE UNIQUE INDEX "ContractImport_paymentId_key" ON "ContractImport"("paymentId");

-- CreateIndex
CREATE INDEX "ContractImport_officeId_createdAt_idx" ON "ContractImport"("officeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContractImport_contractId_fileSha256_key" ON "ContractImport"("contractId", "fileSha256");

-- CreateIndex
CREATE INDEX "ContractImportRow_importId_accepted_rowNumber_idx" ON "ContractImportRow"("importId", "accepted", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ContractImportRow_importId_rowNumber_key" ON "ContractImportRow"("importId", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ContractPerson_policyId_key" ON "ContractPerson"("policyId");

-- CreateIndex
CREATE INDEX "ContractPerson_personId_idx" ON "ContractPerson"("personId");

-- CreateIndex
CREATE INDEX "ContractPerson_importId_idx" ON "ContractPerson"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractPerson_contractId_personId_key" ON "ContractPerson"("contractId", "personId");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractImport" ADD CONSTRAINT "ContractImport_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractImport" ADD CONSTRAINT "ContractImport_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractImport" ADD CONSTRAINT "ContractImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractImportRow" ADD CONSTRAINT "ContractImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ContractImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPerson" ADD CONSTRAINT "ContractPerson_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPerson" ADD CONSTRAINT "ContractPerson_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ContractImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPerson" ADD CONSTRAINT "ContractPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPerson" ADD CONSTRAINT "ContractPerson_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
