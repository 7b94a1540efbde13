-- AlterTable
ALTER TABLE "PregnancyRegistration" ADD COLUMN     "followOnPolicyId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "PregnancyRegistration_followOnPolicyId_key" ON "PregnancyRegistration"("followOnPolicyId");

-- AddForeignKey
ALTER TABLE "PregnancyRegistration" ADD CONSTRAINT "PregnancyRegistration_followOnPolicyId_fkey" FOREIGN KEY ("followOnPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;
