-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLERK', 'DOCTOR', 'REFUND_OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('CITIZEN', 'EAEU_FAMILY', 'REFUGEE', 'ASYLUM_SEEKER', 'KAIRYLMAN', 'FOREIGNER', 'FOREIGN_STUDENT', 'FOREIGN_STUDENT_AGREEMENT', 'COMPATRIOT', 'PREGNANT', 'EAEU_CHILD');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('KG_PASSPORT', 'KG_ID_CARD', 'EAEU_PASSPORT', 'FOREIGN_PASSPORT', 'RESIDENCE_PERMIT', 'REFUGEE_CERTIFICATE', 'ASYLUM_SEEKER_CERTIFICATE', 'KAIRYLMAN_CERTIFICATE', 'MEKEN_CARD', 'BIRTH_CERTIFICATE');

-- CreateEnum
CREATE TYPE "ExternalCoverageSource" AS ENUM ('EMPLOYMENT', 'STATE', 'OTHER');

-- CreateEnum
CREATE TYPE "PolicyStatus" AS ENUM ('PENDING', 'ISSUED', 'REFUNDED', 'REISSUED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "IssueChannel" AS ENUM ('ONLINE', 'TERMINAL', 'BANK_CASH_DESK', 'OFFICE', 'CONTRACT', 'HEALTH_ORG');

-- CreateEnum
CREATE TYPE "PaymentChannel" AS ENUM ('PORTAL', 'TUNDUK', 'QUICKPAY', 'MEGACOM', 'PAY24', 'BANK_APP', 'BANK_CASH_DESK', 'ACCUMULATION_ACCOUNT');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED', 'REFUNDED');

-- CreateTable
CREATE TABLE "TerritorialOffice" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKy" TEXT NOT NULL,
    "addressRu" TEXT NOT NULL,
    "addressKy" TEXT NOT NULL,
    "phone" TEXT,

    CONSTRAINT "TerritorialOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthOrganization" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKy" TEXT NOT NULL,
    "officeId" INTEGER NOT NULL,

    CONSTRAINT "HealthOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "officeId" INTEGER,
    "healthOrganizationId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "pin" CHAR(14),
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "patronymic" TEXT,
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "category" "Category" NOT NULL,
    "citizenship" CHAR(2),
    "documentType" "DocumentType" NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalCoverage" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "source" "ExternalCoverageSource" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalCoverage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tariff" (
    "id" SERIAL NOT NULL,
    "category" "Category" NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "priceSom" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "legalBasisRu" TEXT NOT NULL,
    "legalBasisKy" TEXT NOT NULL,

    CONSTRAINT "Tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "category" "Category" NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "priceSom" INTEGER NOT NULL,
    "tariffId" INTEGER,
    "status" "PolicyStatus" NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "channel" "IssueChannel" NOT NULL,
    "officeId" INTEGER,
    "healthOrganizationId" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "channel" "PaymentChannel" NOT NULL,
    "externalTxnId" TEXT NOT NULL,
    "amountSom" INTEGER NOT NULL,
    "paidAt" TIMESTAMPTZ(3) NOT NULL,
    "payerName" TEXT NOT NULL,
    "payerPhone" TEXT,
    "status" "PaymentStatus" NOT NULL,
    "policyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TerritorialOffice_code_key" ON "TerritorialOffice"("code");

-- CreateIndex
CREATE UNIQUE INDEX "HealthOrganization_code_key" ON "HealthOrganization"("code");

-- CreateIndex
CREATE INDEX "HealthOrganization_officeId_idx" ON "HealthOrganization"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "User_login_key" ON "User"("login");

-- CreateIndex
CREATE UNIQUE INDEX "Person_pin_key" ON "Person"("pin");

-- CreateIndex
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "Person_documentType_documentNumber_key" ON "Person"("documentType", "documentNumber");

-- CreateIndex
CREATE INDEX "ExternalCoverage_personId_idx" ON "ExternalCoverage"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Tariff_category_termMonths_effectiveFrom_key" ON "Tariff"("category", "termMonths", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_number_key" ON "Policy"("number");

-- CreateIndex
CREATE INDEX "Policy_personId_status_idx" ON "Policy"("personId", "status");

-- CreateIndex
CREATE INDEX "Policy_officeId_createdAt_idx" ON "Policy"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_policyId_idx" ON "Payment"("policyId");

-- CreateIndex
CREATE INDEX "Payment_paidAt_idx" ON "Payment"("paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_channel_externalTxnId_key" ON "Payment"("channel", "externalTxnId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "HealthOrganization" ADD CONSTRAINT "HealthOrganization_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_healthOrganizationId_fkey" FOREIGN KEY ("healthOrganizationId") REFERENCES "HealthOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCoverage" ADD CONSTRAINT "ExternalCoverage_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_tariffId_fkey" FOREIGN KEY ("tariffId") REFERENCES "Tariff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_healthOrganizationId_fkey" FOREIGN KEY ("healthOrganizationId") REFERENCES "HealthOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
