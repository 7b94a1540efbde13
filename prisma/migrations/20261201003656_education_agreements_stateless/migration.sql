-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "stateless" BOOLEAN;

-- CreateTable
CREATE TABLE "EducationAgreementState" (
    "id" SERIAL NOT NULL,
    "code" CHAR(2) NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKy" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "legalBasisRu" TEXT NOT NULL,
    "legalBasisKy" TEXT NOT NULL,

    CONSTRAINT "EducationAgreementState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EducationAgreementState_code_key" ON "EducationAgreementState"("code");
