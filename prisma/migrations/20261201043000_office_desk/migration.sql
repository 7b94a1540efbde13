-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKING_DAY');

-- CreateEnum
CREATE TYPE "PolicyApplicationStatus" AS ENUM ('ACCEPTED', 'REFUSED');

-- AlterTable
-- The search key's collation is "C" (edited by hand: schema.prisma cannot spell a column collation, and Prisma's diff
-- does not compare it): a b-tree then compares bytes, so its plain index "Person_searchName_idx" serves
-- LIKE 'ИВАН%' as a range scan whatever the database's default collation.
ALTER TABLE "Person" ADD COLUMN     "searchName" TEXT COLLATE "C" NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "WorkingCalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameKy" TEXT NOT NULL,

    CONSTRAINT "WorkingCalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "PolicyApplication" (
    "id" UUID NOT NULL,
    "officeId" INTEGER NOT NULL,
    "personId" UUID NOT NULL,
    "category" "Category" NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "documents" TEXT[],
    "status" "PolicyApplicationStatus" NOT NULL,
    "refusals" TEXT[],
    "missingDocuments" TEXT[],
    "insuredUntil" DATE,
    "paymentId" UUID,
    "policyId" UUID,
    "startedOn" DATE NOT NULL,
    "enteredOn" DATE NOT NULL,
    "entryDueOn" DATE NOT NULL,
    "policyDueOn" DATE,
    "policyMadeAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyApplication_paymentId_key" ON "PolicyApplication"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyApplication_policyId_key" ON "PolicyApplication"("policyId");

-- CreateIndex
CREATE INDEX "PolicyApplication_officeId_createdAt_idx" ON "PolicyApplication"("officeId", "createdAt");

-- CreateIndex
CREATE INDEX "PolicyApplication_officeId_status_policyDueOn_idx" ON "PolicyApplication"("officeId", "status", "policyDueOn");

-- CreateIndex
CREATE INDEX "PolicyApplication_personId_idx" ON "PolicyApplication"("personId");

-- CreateIndex
CREATE INDEX "Person_searchName_idx" ON "Person"("searchName");

-- CreateIndex
CREATE INDEX "Person_documentNumber_idx" ON "Person"("documentNumber");

-- AddForeignKey
ALTER TABLE "PolicyApplication" ADD CONSTRAINT "PolicyApplication_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "TerritorialOffice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyApplication" ADD CONSTRAINT "PolicyApplication_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyApplication" ADD CONSTRAINT "PolicyApplication_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyApplication" ADD CONSTRAINT "PolicyApplication_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyApplication" ADD CONSTRAINT "PolicyApplication_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Person search (issue 12): the clerk finds a person by the start of their full name, whatever the case and whether
-- it is typed in Cyrillic or Latin. oms_search_key folds a name to upper-case Cyrillic: Latin is transliterated
-- (shch→Щ, sh→Ш, ch→Ч, zh→Ж, kh→Х, ts→Ц, x→КС, yo/ye→Е, then letter by letter: j→Ж, y→И, c/q→К, w→В, h→Х, …), Cyrillic
-- Ю→ИУ, Я→ИА, Ё/Э→Е, Й/Ы→И, Ө→О, Ү→У, Ң→Н, Ъ/Ь dropped, anything else a single space. The table is documented in
-- README ("Finding a person"). The same function folds the stored names (a trigger) and the searched text, so the
-- two always agree; lower() and translate() both tables' cases because lower() leaves Cyrillic alone under the C
-- locale (PGlite).
CREATE FUNCTION oms_search_key(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT btrim(regexp_replace(
    translate(
      replace(replace(replace(replace(
      replace(replace(replace(replace(replace(replace(replace(replace(replace(
        lower(coalesce(input, '')),
        'shch', 'щ'), 'sh', 'ш'), 'ch', 'ч'), 'zh', 'ж'), 'kh', 'х'), 'ts', 'ц'), 'x', 'кс'), 'yo', 'е'), 'ye', 'е'),
        'ю', 'иу'), 'Ю', 'иу'), 'я', 'иа'), 'Я', 'иа'),
      'abvwgdeziykqclmnoprstufhjöÖüÜñÑéÉАаБбВвГгДдЕеЖжЗзИиКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЁёЙйЫыЭэӨөҮүҢңЪъЬь',
      'АБВВГДЕЗИИКККЛМНОПРСТУФХЖООУУННЕЕААББВВГГДДЕЕЖЖЗЗИИККЛЛММННООППРРССТТУУФФХХЦЦЧЧШШЩЩЕЕИИИИЕЕООУУНН'),
    '[^А-Я0-9]+', ' ', 'g'))
$fn$;

CREATE FUNCTION oms_person_search_name() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  NEW."searchName" := oms_search_key(concat_ws(' ', NEW."lastName", NEW."firstName", NEW."patronymic"));
  RETURN NEW;
END
$fn$;

CREATE TRIGGER "Person_searchName"
  BEFORE INSERT OR UPDATE OF "lastName", "firstName", "patronymic" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION oms_person_search_name();


UPDATE "Person" SET "searchName" = oms_search_key(concat_ws(' ', "lastName", "firstName", "patronymic"));
