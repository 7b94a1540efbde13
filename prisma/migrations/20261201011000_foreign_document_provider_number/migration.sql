-- Issue 9 (appendix, algorithm 4): a foreigner seen first at a terminal with only a document number is registered
-- with this document type, and without birth date and sex, until a ТУ clerk completes the record.
ALTER TYPE "DocumentType" ADD VALUE 'FOREIGN_DOCUMENT_TO_COMPLETE';

-- Issue 18: the OSMP prv_txn is an integer. Every payment gets a number from the column's sequence, and adding the
-- SERIAL column numbers the existing rows (backfill) in the same statement.
ALTER TABLE "Payment" ADD COLUMN     "providerNumber" SERIAL NOT NULL;

ALTER TABLE "Person" ALTER COLUMN "birthDate" DROP NOT NULL,
ALTER COLUMN "sex" DROP NOT NULL;

-- A PIN carries the birth date and the sex (SPEC §8): only a person without a PIN may lack them. Kept by the one
-- person writer (lib/people/mutations.ts, which derives both from the PIN), not by a CHECK constraint: Prisma's Wasm
-- schema engine cannot read CHECK constraints through the driver adapter (it panics describing the schema).

CREATE UNIQUE INDEX "Payment_providerNumber_key" ON "Payment"("providerNumber");
