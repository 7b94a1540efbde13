-- Correction (SPEC §2, issue 9): compatriots with a «Мекен карта» are foreign citizens, so they pay the foreign
-- citizens' price of the order on cost, item 1.2: 11910 som. Order No. 226 cl. 4.1 gives them the 12-month term only.
-- An earlier version seeded the citizens' 1840 som (former interpretation I1). 11910 was always the price in force
-- from 2024-02-01, so the existing row is corrected rather than closed and followed by a new one.
-- Only a row still holding the wrong 1840 is touched. On a fresh database (the seed then writes 11910 itself), or
-- where the Fund has already corrected it, this updates nothing. Policies already sold keep the price they were
-- paid (Policy."priceSom"). The correction is recorded in the audit log, with the values it replaced.
-- No semicolon may appear inside this statement, not even in a comment or a string: the migration runner of
-- @prisma/adapter-pg splits scripts at every semicolon. The legal basis texts therefore spell it chr(59).
WITH "old" AS (
  SELECT "id", "priceSom", "legalBasisRu", "legalBasisKy"
    FROM "Tariff"
   WHERE "category" = 'COMPATRIOT'
     AND "termMonths" = 12
     AND "effectiveFrom" = DATE '2024-02-01'
     AND "priceSom" = 1840
), "corrected" AS (
  UPDATE "Tariff" AS t
     SET "priceSom" = 11910,
         "legalBasisRu" = 'Приказ Фонда ОМС «О стоимости Полиса ОМС» (с 01.02.2024), п. 1.2 (соотечественник — иностранный гражданин)' || chr(59) || ' Порядок оформления и выдачи Полиса ОМС (приказ Фонда ОМС № 226 от 28.12.2023), п. 4 подп. 1 (срок 12 месяцев)',
         "legalBasisKy" = 'ММК фондунун «ММК полисинин наркы жөнүндө» буйругу (2024-жылдын 1-февралынан), 1.2-пункт (мекендеш — чет өлкөлүк жаран)' || chr(59) || ' ММК полисин тариздөө жана берүү тартиби (ММК фондунун 2023-жылдын 28-декабрындагы № 226 буйругу), 4-пункттун 1-пунктчасы (мөөнөтү 12 ай)'
    FROM "old"
   WHERE t."id" = "old"."id"
  RETURNING t."id", t."priceSom", t."legalBasisRu", t."legalBasisKy"
)
INSERT INTO "AuditLog" ("actorLabel", "action", "entity", "entityId", "before", "after")
SELECT 'migration:20261201010000_compatriot_tariff',
       'tariff.correct',
       'Tariff',
       "corrected"."id"::text,
       jsonb_build_object('priceSom', "old"."priceSom", 'legalBasisRu', "old"."legalBasisRu", 'legalBasisKy', "old"."legalBasisKy"),
       jsonb_build_object('priceSom', "corrected"."priceSom", 'legalBasisRu', "corrected"."legalBasisRu", 'legalBasisKy', "corrected"."legalBasisKy",
                          'reason', 'SPEC §2 correction: compatriots are foreign citizens (cost 1.2), 12 months only (cl. 4.1)')
  FROM "corrected"
  JOIN "old" ON "old"."id" = "corrected"."id";
