-- CreateEnum
CREATE TYPE "CoverageImportStatus" AS ENUM ('RUNNING', 'COMPLETED', 'UNCHANGED', 'SUPERSEDED', 'FAILED');

-- AlterTable
ALTER TABLE "ExternalCoverage" ADD COLUMN     "importId" UUID;

-- CreateTable
CREATE TABLE "ExternalCoverageImport" (
    "id" UUID NOT NULL,
    "source" "ExternalCoverageSource" NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileBytes" BIGINT NOT NULL,
    "fileSha256" CHAR(64) NOT NULL,
    "status" "CoverageImportStatus" NOT NULL DEFAULT 'RUNNING',
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "readRows" INTEGER NOT NULL DEFAULT 0,
    "acceptedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "coverageRows" INTEGER NOT NULL DEFAULT 0,
    "personsCreated" INTEGER NOT NULL DEFAULT 0,
    "replacedRows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" UUID,
    "createdByLogin" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExternalCoverageImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalCoverageReject" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ExternalCoverageReject_pkey" PRIMARY KEY ("importId","line")
);

-- CreateTable
CREATE TABLE "ExternalCoverageStage" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "pin" CHAR(14) NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,

    CONSTRAINT "ExternalCoverageStage_pkey" PRIMARY KEY ("importId","line")
);

-- CreateIndex
CREATE INDEX "ExternalCoverageImport_source_periodFrom_periodTo_status_idx" ON "ExternalCoverageImport"("source", "periodFrom", "periodTo", "status");

-- CreateIndex
CREATE INDEX "ExternalCoverageImport_createdAt_idx" ON "ExternalCoverageImport"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityId_id_idx" ON "AuditLog"("entityId", "id");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_id_idx" ON "AuditLog"("actorId", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_id_idx" ON "AuditLog"("action", "id");

-- CreateIndex
CREATE INDEX "ExternalCoverage_importId_idx" ON "ExternalCoverage"("importId");

-- AddForeignKey
ALTER TABLE "ExternalCoverageReject" ADD CONSTRAINT "ExternalCoverageReject_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ExternalCoverageImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A running import's accepted rows wait here until they replace the coverage in one transaction: not WAL-logged
-- (a crash loses only an unfinished import, which is then marked FAILED and uploaded again).
ALTER TABLE "ExternalCoverageStage" SET UNLOGGED;
