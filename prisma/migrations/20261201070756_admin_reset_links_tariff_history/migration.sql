-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Tariff history is never edited in place (issue 15). A price change is a new row; the one change allowed on a row
-- already in force (effectiveFrom on or before today in Bishkek) is closing it — setting effectiveTo to a day not
-- before today, the day before the new row takes effect — so no day up to today is ever priced differently. Such a
-- row cannot be deleted either. Rows not yet in force are the admin's to correct (the portal itself only adds rows).
CREATE OR REPLACE FUNCTION "tariff_history_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Asia/Bishkek')::date;
BEGIN
  IF OLD."effectiveFrom" > today THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Tariff % is in force or past: history is not deleted', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NEW;
  END IF;
  IF NEW."id" <> OLD."id"
    OR NEW."category" <> OLD."category"
    OR NEW."termMonths" <> OLD."termMonths"
    OR NEW."priceSom" <> OLD."priceSom"
    OR NEW."effectiveFrom" <> OLD."effectiveFrom"
    OR NEW."legalBasisRu" <> OLD."legalBasisRu"
    OR NEW."legalBasisKy" <> OLD."legalBasisKy"
    OR NEW."effectiveTo" IS NULL
    OR NEW."effectiveTo" < today
    OR (OLD."effectiveTo" IS NOT NULL AND OLD."effectiveTo" < today)
  THEN
    RAISE EXCEPTION 'Tariff % is in force or past: only closing it from today on is allowed', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Tariff_history_guard"
  BEFORE UPDATE OR DELETE ON "Tariff"
  FOR EACH ROW EXECUTE FUNCTION "tariff_history_guard"();
