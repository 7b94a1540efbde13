-- CreateEnum
CREATE TYPE "PregnancyRegistrationOutcome" AS ENUM ('POLICY_ISSUED', 'ALREADY_INSURED');

-- CreateTable
CREATE TABLE "PregnancyRegistration" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "healthOrganizationId" INTEGER NOT NULL,
    "registeredById" UUID NOT NULL,
    "registeredOn" DATE NOT NULL,
    "cardNumber" TEXT NOT NULL,
    "baseCategory" "Category" NOT NULL,
    "marriedToCitizen" BOOLEAN NOT NULL DEFAULT false,
    "documents" TEXT[],
    "code" CHAR(3) NOT NULL DEFAULT '040',
    "outcome" "PregnancyRegistrationOutcome" NOT NULL,
    "policyId" UUID,
    "insuredUntil" DATE,
    "followsOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PregnancyRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PregnancyRegistration_policyId_key" ON "PregnancyRegistration"("policyId");

-- CreateIndex
CREATE INDEX "PregnancyRegistration_healthOrganizationId_registeredOn_idx" ON "PregnancyRegistration"("healthOrganizationId", "registeredOn");

-- CreateIndex
CREATE INDEX "PregnancyRegistration_personId_registeredOn_idx" ON "PregnancyRegistration"("personId", "registeredOn");

-- AddForeignKey
ALTER TABLE "PregnancyRegistration" ADD CONSTRAINT "PregnancyRegistration_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PregnancyRegistration" ADD CONSTRAINT "PregnancyRegistration_healthOrganizationId_fkey" FOREIGN KEY ("healthOrganizationId") REFERENCES "HealthOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PregnancyRegistration" ADD CONSTRAINT "PregnancyRegistration_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PregnancyRegistration" ADD CONSTRAINT "PregnancyRegistration_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;
