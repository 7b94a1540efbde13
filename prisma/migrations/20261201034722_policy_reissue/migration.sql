-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "reissuedFromId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Policy_reissuedFromId_key" ON "Policy"("reissuedFromId");

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_reissuedFromId_fkey" FOREIGN KEY ("reissuedFromId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;
