-- CreateEnum
CREATE TYPE "HandoverRecipient" AS ENUM ('HOLDER', 'REPRESENTATIVE');

-- CreateTable
CREATE TABLE "PolicyHandover" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "handedOn" DATE NOT NULL,
    "recipient" "HandoverRecipient" NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientDocumentType" "DocumentType",
    "recipientDocumentNumber" TEXT,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyHandover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyHandover_policyId_key" ON "PolicyHandover"("policyId");

-- CreateIndex
CREATE INDEX "PolicyHandover_handedOn_idx" ON "PolicyHandover"("handedOn");

-- AddForeignKey
ALTER TABLE "PolicyHandover" ADD CONSTRAINT "PolicyHandover_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyHandover" ADD CONSTRAINT "PolicyHandover_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
