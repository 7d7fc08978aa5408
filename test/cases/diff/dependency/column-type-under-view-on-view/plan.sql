DROP VIEW "public"."recent_high";

DROP VIEW "public"."recent";

-- hazard REWRITES_TABLE: changing public.readings.value from integer to bigint rewrites the table under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."readings" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;

CREATE VIEW "public"."recent" AS
SELECT id,
    value
   FROM public.readings
  WHERE id > 10;

CREATE VIEW "public"."recent_high" AS
SELECT id,
    value
   FROM public.recent
  WHERE value > 100;

COMMENT ON VIEW "public"."recent_high" IS 'high readings';
