-- I33 for contracts (session 13): whether an import's transfer was late is decided at its confirmation and kept, so
-- that the import job (resumed after a restart, or run by another instance) counts its policies the same way.
ALTER TABLE "ContractImport" ADD COLUMN "lateDated" BOOLEAN NOT NULL DEFAULT false;
